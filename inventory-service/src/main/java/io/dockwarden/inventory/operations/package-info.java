/** Running the service: health of the engine connection and Micrometer metrics of the inventory's work. */
@NullMarked
package io.dockwarden.inventory.operations;

import org.jspecify.annotations.NullMarked;
