package io.dockwarden.notification.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification on its way to one integration of its receiver; what the retry topic holds while it waits.
 *
 * @param id the delivery id: the {@code webhook-id}, stable across retries and restarts
 * @param notification what is delivered
 * @param integration index of the integration in the receiver's list
 * @param channel the integration's kind
 * @param attempts attempts made so far
 * @param firstAttemptAt when the first attempt was made, once made
 * @param dueAt when the next attempt is due
 * @param lastError why the last attempt failed, without secrets
 */
public record Delivery(String id, Notification notification, int integration, String channel, int attempts,
        @Nullable Instant firstAttemptAt, Instant dueAt, @Nullable String lastError) {

    public static Delivery first(Notification notification, int integration, String channel, Instant now) {
        String id = "ntf_" + notification.id() + (integration == 0 ? "" : "_" + integration);
        return new Delivery(id, notification, integration, channel, 0, null, now, null);
    }

    public String receiver() {
        return notification.receiver();
    }

    /** The same delivery after one more failed attempt, due again at a later time. */
    public Delivery failedAttempt(Instant attemptedAt, Instant nextDue, String error) {
        return new Delivery(id, notification, integration, channel, attempts + 1,
                firstAttemptAt == null ? attemptedAt : firstAttemptAt, nextDue, error);
    }

    /** Counts an attempt that is being made now. */
    public Delivery attempting(Instant now) {
        return new Delivery(id, notification, integration, channel, attempts + 1,
                firstAttemptAt == null ? now : firstAttemptAt, dueAt, lastError);
    }
}
