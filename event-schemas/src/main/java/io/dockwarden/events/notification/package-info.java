/** Event data of the notification part of the contract. */
@NullMarked
package io.dockwarden.events.notification;

import org.jspecify.annotations.NullMarked;
