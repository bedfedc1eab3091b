/** Event data of the volume part of the contract. */
@NullMarked
package io.dockwarden.events.volume;

import org.jspecify.annotations.NullMarked;
