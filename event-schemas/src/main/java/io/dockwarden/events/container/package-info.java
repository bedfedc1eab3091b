/** Event data of the container part of the contract. */
@NullMarked
package io.dockwarden.events.container;

import org.jspecify.annotations.NullMarked;
