package io.dockwarden.notification.delivery;

import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.routing.Receiver;
import io.dockwarden.notification.routing.RoutingConfig;
import io.dockwarden.notification.secrets.SecretRedactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications to every integration of their receiver, each as a delivery of its own with a stable id.
 * An attempt ends in one of three durable states before its future completes: delivered (receipt published), parked
 * in the retry topic with its due time and attempt count, or given up (dead-lettered, {@code failed} receipt, and the
 * receiver's fallback notified). That is what lets the caller commit a Kafka offset or update the notification log.
 */
public final class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    /** The retry topic and its dead-letter topic. */
    public interface DeliveryStore {
        /** Stores a delivery that waits for its next attempt; returns once it is durable. */
        void park(Delivery delivery);

        /** Removes a parked delivery that is finished. */
        void done(Delivery delivery);

        /** Stores a delivery given up, with the reason; returns once it is durable. */
        void deadLetter(Delivery delivery, String reason);
    }

    /** The delivery receipts published for other systems. */
    public interface DeliveryEvents {
        void delivered(Delivery delivery, Instant deliveredAt);

        void failed(Delivery delivery, Instant failedAt, String reason, @Nullable String fallbackReceiver);
    }

    private final Supplier<RoutingConfig> config;
    private final Map<String, Notifier> notifiers;
    private final Map<String, ChannelLane> lanes;
    private final RetryPolicy policy;
    private final DeliveryStore store;
    private final DeliveryEvents events;
    private final DeliveryLog deliveryLog;
    private final Supplier<SecretRedactor> redactor;
    private final MeterRegistry meters;
    private final Clock clock;
    private final DoubleSupplier random;

    public DeliveryService(Supplier<RoutingConfig> config, List<Notifier> notifiers, Map<String, ChannelLane> lanes,
            RetryPolicy policy, DeliveryStore store, DeliveryEvents events, DeliveryLog deliveryLog,
            Supplier<SecretRedactor> redactor, MeterRegistry meters, Clock clock, DoubleSupplier random) {
        this.config = config;
        Map<String, Notifier> byChannel = new java.util.HashMap<>();
        notifiers.forEach(notifier -> byChannel.put(notifier.channel(), notifier));
        this.notifiers = Map.copyOf(byChannel);
        this.lanes = Map.copyOf(lanes);
        this.policy = policy;
        this.store = store;
        this.events = events;
        this.deliveryLog = deliveryLog;
        this.redactor = redactor;
        this.meters = meters;
        this.clock = clock;
        this.random = random;
    }

    /** First attempts to every integration of the notification's receiver. */
    public CompletableFuture<Void> submit(Notification notification) {
        Optional<Receiver> receiver = config.get().receiver(notification.receiver());
        if (receiver.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("receiver " + notification.receiver()
                    + " is not configured"));
        }
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        List<ChannelConfig> integrations = receiver.get().integrations();
        Instant now = clock.instant();
        for (int i = 0; i < integrations.size(); i++) {
            attempts.add(attempt(Delivery.first(notification, i, integrations.get(i).kind(), now), false));
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new));
    }

    /** Another attempt of a delivery parked in the retry topic, now that it is due. */
    public CompletableFuture<Void> retry(Delivery parked) {
        return attempt(parked, true);
    }

    private CompletableFuture<Void> attempt(Delivery delivery, boolean parked) {
        ChannelLane lane = lanes.get(delivery.channel());
        if (lane == null) {
            return CompletableFuture.supplyAsync(() -> giveUp(delivery, parked, "channel " + delivery.channel()
                    + " is not available", null)).thenCompose(this::notifyFallback);
        }
        return lane.run(() -> attemptNow(delivery, parked)).thenCompose(this::notifyFallback);
    }

    private CompletableFuture<Void> notifyFallback(@Nullable Notification fallback) {
        return fallback == null ? CompletableFuture.completedFuture(null) : submit(fallback);
    }

    /** Makes the attempt and records its outcome; returns the fallback notification to send, if any. */
    private @Nullable Notification attemptNow(Delivery delivery, boolean parked) {
        RoutingConfig routing = config.get();
        Receiver receiver = routing.receiver(delivery.receiver()).orElse(null);
        if (receiver == null || delivery.integration() >= receiver.integrations().size()
                || !receiver.integrations().get(delivery.integration()).kind().equals(delivery.channel())) {
            return giveUp(delivery.attempts() == 0 ? delivery.attempting(clock.instant()) : delivery, parked,
                    "receiver " + delivery.receiver() + " no longer has this " + delivery.channel() + " integration",
                    null);
        }
        ChannelConfig integration = receiver.integrations().get(delivery.integration());
        if (!integration.sendResolved() && delivery.notification().onlyResolved()) {
            if (parked) {
                store.done(delivery);
            }
            return null;
        }
        Notifier notifier = notifiers.get(delivery.channel());
        Instant startedAt = clock.instant();
        Delivery attempted = delivery.attempting(startedAt);
        Outcome outcome;
        long started = System.nanoTime();
        try {
            outcome = notifier == null ? Outcome.permanent("no notifier for channel " + delivery.channel())
                    : notifier.send(attempted, receiver, integration);
        } catch (RuntimeException e) {
            outcome = Outcome.retryable(delivery.channel() + " failed unexpectedly (" + e.getClass().getSimpleName()
                    + ")");
        }
        Timer.builder("dockwarden.notification.delivery.attempts").description("Delivery attempts by outcome")
                .tag("channel", delivery.channel())
                .tag("result", outcome instanceof Outcome.Delivered ? "delivered" : "failed")
                .register(meters).record(java.time.Duration.ofNanos(System.nanoTime() - started));
        Instant now = clock.instant();
        if (outcome instanceof Outcome.Delivered) {
            delivered(attempted, now, parked);
            return null;
        }
        Outcome.Failed failure = (Outcome.Failed) outcome;
        String reason = redactor.get().redact(failure.reason());
        Outcome.Failed redacted = new Outcome.Failed(reason, failure.retryable(), failure.retryAfter());
        RetryPolicy.Decision decision = policy.after(attempted.attempts(), attempted.firstAttemptAt(), redacted, now,
                random);
        if (decision instanceof RetryPolicy.RetryAt retryAt) {
            Delivery next = new Delivery(attempted.id(), attempted.notification(), attempted.integration(),
                    attempted.channel(), attempted.attempts(), attempted.firstAttemptAt(), retryAt.dueAt(), reason);
            store.park(next);
            count(next, DeliveryRecord.RETRYING);
            deliveryLog.add(record(next, now, DeliveryRecord.RETRYING, reason + "; next attempt at "
                    + retryAt.dueAt()));
            log.info("Delivery {} to {} ({}) failed on attempt {}, retrying at {}: {}", next.id(), next.receiver(),
                    next.channel(), next.attempts(), retryAt.dueAt(), reason);
            return null;
        }
        return giveUp(attempted, parked, ((RetryPolicy.GiveUp) decision).reason(), receiver.fallback());
    }

    private void delivered(Delivery delivery, Instant now, boolean parked) {
        if (parked) {
            store.done(delivery);
        }
        count(delivery, DeliveryRecord.DELIVERED);
        deliveryLog.add(record(delivery, now, DeliveryRecord.DELIVERED, null));
        try {
            events.delivered(delivery, now);
        } catch (RuntimeException e) {
            // The receiver has it; a lost receipt must not cause a second delivery.
            log.warn("Delivery {} done, but its receipt was not published: {}", delivery.id(),
                    redactor.get().redact(e.toString()));
        }
    }

    private @Nullable Notification giveUp(Delivery delivery, boolean parked, String reason,
            @Nullable String fallbackReceiver) {
        Instant now = clock.instant();
        String fallback = delivery.notification().fallbackOf() == null ? fallbackReceiver : null;
        store.deadLetter(delivery, reason);
        if (parked) {
            store.done(delivery);
        }
        count(delivery, DeliveryRecord.FAILED);
        deliveryLog.add(record(delivery, now, DeliveryRecord.FAILED, reason
                + (fallback == null ? "" : "; fallback receiver " + fallback + " notified")));
        log.warn("Delivery {} to {} ({}) given up after {} attempts: {}", delivery.id(), delivery.receiver(),
                delivery.channel(), delivery.attempts(), reason);
        try {
            events.failed(delivery, now, reason, fallback);
        } catch (RuntimeException e) {
            log.warn("Delivery {} failed, and its receipt was not published: {}", delivery.id(),
                    redactor.get().redact(e.toString()));
        }
        return fallback == null ? null : delivery.notification().forFallback(fallback, delivery.id());
    }

    private void count(Delivery delivery, String outcome) {
        meters.counter("dockwarden.notification.deliveries", "channel", delivery.channel(), "outcome", outcome)
                .increment();
    }

    private static DeliveryRecord record(Delivery delivery, Instant at, String outcome, @Nullable String reason) {
        return new DeliveryRecord(at, delivery.id(), delivery.receiver(), delivery.channel(), outcome,
                Math.max(delivery.attempts(), 1), delivery.notification().fingerprints(), reason);
    }
}
