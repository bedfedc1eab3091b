/**
 * What the inventory knows and decides, in plain Java: which events a change of a container, volume or engine
 * publishes, in what order, and how the published state is kept equal to the engine's. The engine and the broker are
 * reached through {@link io.dockwarden.inventory.tracking.EngineView} and {@link io.dockwarden.inventory.tracking.EventSink}.
 */
@NullMarked
package io.dockwarden.inventory.tracking;

import org.jspecify.annotations.NullMarked;
