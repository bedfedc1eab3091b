/** Alerts: what each consumed event means for people, with a stable fingerprint and a firing or resolved status. */
@NullMarked
package io.dockwarden.notification.alerts;

import org.jspecify.annotations.NullMarked;
