/** Event data of the host part of the contract. */
@NullMarked
package io.dockwarden.events.host;

import org.jspecify.annotations.NullMarked;
