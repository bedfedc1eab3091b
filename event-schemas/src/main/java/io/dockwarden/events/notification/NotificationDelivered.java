package io.dockwarden.events.notification;

import java.time.Instant;
import java.util.List;

/**
 * A notification reached its receiver.
 *
 * @param notificationId id of the notification, stable across retries (the {@code webhook-id})
 * @param receiver the receiver's name
 * @param channel webhook, slack, email or kafka
 * @param alertFingerprints the alerts it carried
 * @param attempts attempts it took
 * @param firstAttemptAt when the first attempt was made
 * @param deliveredAt when it was delivered
 */
public record NotificationDelivered(String notificationId, String receiver, String channel,
        List<String> alertFingerprints, int attempts, Instant firstAttemptAt, Instant deliveredAt)
        implements NotificationEvent {

    public NotificationDelivered {
        alertFingerprints = List.copyOf(alertFingerprints);
    }
}
