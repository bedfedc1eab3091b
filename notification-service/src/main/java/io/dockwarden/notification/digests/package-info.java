/** Report digests for subscribers: summary, changes since the last report and links to the archived formats. */
@NullMarked
package io.dockwarden.notification.digests;

import org.jspecify.annotations.NullMarked;
