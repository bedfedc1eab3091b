/** The inventory's current view over HTTP, for people and tools: containers, volumes, hosts, and a resync on demand. */
@NullMarked
package io.dockwarden.inventory.api;

import org.jspecify.annotations.NullMarked;
