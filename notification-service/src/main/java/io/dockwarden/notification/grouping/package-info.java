/** Aggregation groups, their timers and the notification log that decides what is worth sending. */
@NullMarked
package io.dockwarden.notification.grouping;

import org.jspecify.annotations.NullMarked;
