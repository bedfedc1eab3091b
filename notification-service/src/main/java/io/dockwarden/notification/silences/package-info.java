/** Silences: matchers and a time window that mute alerts. */
@NullMarked
package io.dockwarden.notification.silences;

import org.jspecify.annotations.NullMarked;
