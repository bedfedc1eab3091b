package io.dockwarden.events.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notification could not be delivered and was given up on (and dead-lettered).
 *
 * @param notificationId id of the notification, stable across retries
 * @param receiver the receiver's name
 * @param channel webhook, slack, email or kafka
 * @param alertFingerprints the alerts it carried
 * @param attempts attempts made
 * @param firstAttemptAt when the first attempt was made
 * @param failedAt when it was given up
 * @param reason the last error, without secrets
 * @param fallbackReceiver the fallback receiver notified instead, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationFailed(String notificationId, String receiver, String channel,
        List<String> alertFingerprints, int attempts, Instant firstAttemptAt, Instant failedAt, String reason,
        @Nullable String fallbackReceiver) implements NotificationEvent {

    public NotificationFailed {
        alertFingerprints = List.copyOf(alertFingerprints);
    }
}
