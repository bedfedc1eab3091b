/** The notification service: routes, groups and delivers alerts and report digests. */
@NullMarked
package io.dockwarden.notification;

import org.jspecify.annotations.NullMarked;
