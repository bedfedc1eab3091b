/** The stream function that turns consumed events into alerts and digests. */
@NullMarked
package io.dockwarden.notification.inbound;

import org.jspecify.annotations.NullMarked;
