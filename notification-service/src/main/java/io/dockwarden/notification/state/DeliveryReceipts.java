package io.dockwarden.notification.state;

import io.dockwarden.events.notification.NotificationDelivered;
import io.dockwarden.events.notification.NotificationFailed;
import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.DeliveryService;
import io.dockwarden.stream.EventPublisher;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Publishes {@code delivered} and {@code failed} receipts on {@code dockwarden.notification.deliveries}, keyed by
 * delivery id, with event ids derived from it, so that a receipt published twice is one event to consumers. The log
 * channel is internal and has no receipts (the contract's channels are webhook, slack, email and kafka).
 */
public final class DeliveryReceipts implements DeliveryService.DeliveryEvents {

    private static final Set<String> CONTRACT_CHANNELS = Set.of("webhook", "slack", "email", "kafka");

    private final EventPublisher publisher;

    public DeliveryReceipts(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void delivered(Delivery delivery, Instant deliveredAt) {
        if (!CONTRACT_CHANNELS.contains(delivery.channel())) {
            return;
        }
        publisher.publish(new NotificationDelivered(delivery.id(), delivery.receiver(), delivery.channel(),
                delivery.notification().fingerprints(), Math.max(1, delivery.attempts()),
                delivery.firstAttemptAt() == null ? deliveredAt : delivery.firstAttemptAt(), deliveredAt),
                delivery.id() + "/delivered", deliveredAt);
    }

    @Override
    public void failed(Delivery delivery, Instant failedAt, String reason, @Nullable String fallbackReceiver) {
        if (!CONTRACT_CHANNELS.contains(delivery.channel())) {
            return;
        }
        publisher.publish(new NotificationFailed(delivery.id(), delivery.receiver(), delivery.channel(),
                delivery.notification().fingerprints(), Math.max(1, delivery.attempts()),
                delivery.firstAttemptAt() == null ? failedAt : delivery.firstAttemptAt(), failedAt, reason,
                fallbackReceiver), delivery.id() + "/failed", failedAt);
    }
}
