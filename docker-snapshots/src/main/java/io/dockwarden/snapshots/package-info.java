/**
 * The one mapping from what the Docker Engine API reports (container and image inspect, image history, {@code /info},
 * {@code /version}, volumes) to the snapshots of the contract. Every service that turns engine output into a snapshot
 * goes through here, so that the inventory and the checks read the same facts, and secrets are left out in one place.
 */
@NullMarked
package io.dockwarden.snapshots;

import org.jspecify.annotations.NullMarked;
