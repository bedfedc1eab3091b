/**
 * Delivering one notification to one receiver integration: outcomes, retries with backoff, rate limits, the delivery
 * log.
 */
@NullMarked
package io.dockwarden.notification.delivery;

import org.jspecify.annotations.NullMarked;
