/** Durable state of the service on compacted Kafka topics of its own: alerts, the notification log, silences. */
@NullMarked
package io.dockwarden.notification.state;

import org.jspecify.annotations.NullMarked;
