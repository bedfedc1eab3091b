package io.dockwarden.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the delivery log.
 *
 * @param at when
 * @param deliveryId the delivery id (the {@code webhook-id}); for a silenced alert, the alert's fingerprint
 * @param receiver the receiver
 * @param channel the channel kind; absent for a silenced alert
 * @param outcome delivered, retrying, failed or silenced
 * @param attempts attempts made
 * @param alertFingerprints the alerts concerned
 * @param reason why it failed or will be retried, without secrets; the muting silences for a silenced alert
 */
public record DeliveryRecord(Instant at, String deliveryId, String receiver, @Nullable String channel,
        String outcome, int attempts, List<String> alertFingerprints, @Nullable String reason) {

    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";
    public static final String SILENCED = "silenced";

    public DeliveryRecord {
        alertFingerprints = List.copyOf(alertFingerprints);
    }
}
