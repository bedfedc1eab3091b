/** Notification fan-out: signed webhook deliveries against a plain HTTP client, and a verifying receiver. */
@NullMarked
package io.dockwarden.benchmarks.notification;

import org.jspecify.annotations.NullMarked;
