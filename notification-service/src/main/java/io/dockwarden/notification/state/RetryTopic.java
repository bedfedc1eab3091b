package io.dockwarden.notification.state;

import io.dockwarden.events.codec.Rejection;
import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.DeliveryService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Deliveries waiting for their next attempt, on a compacted topic keyed by delivery id (the latest record says when
 * it is due and how many attempts were made; a tombstone means finished), and deliveries given up, on its
 * dead-letter topic with the reason in {@code dockwarden-rejection-reason} / {@code dockwarden-rejection-detail}.
 */
public final class RetryTopic implements DeliveryService.DeliveryStore {

    static final String DELIVERY_FAILED = "DELIVERY_FAILED";

    private final CompactedTopic retries;
    private final String deadLetterTopic;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration sendTimeout;

    public RetryTopic(CompactedTopic retries, String deadLetterTopic, KafkaTemplate<String, byte[]> template,
            Duration sendTimeout) {
        this.retries = retries;
        this.deadLetterTopic = deadLetterTopic;
        this.template = template;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void park(Delivery delivery) {
        retries.put(delivery.id(), StateJson.write(delivery));
    }

    @Override
    public void done(Delivery delivery) {
        retries.delete(delivery.id());
    }

    @Override
    public void deadLetter(Delivery delivery, String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetterTopic, delivery.id(),
                StateJson.write(delivery));
        record.headers().add(new RecordHeader(Rejection.REASON_HEADER,
                DELIVERY_FAILED.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(Rejection.DETAIL_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("dockwarden-receiver",
                delivery.receiver().getBytes(StandardCharsets.UTF_8)));
        try {
            template.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + delivery.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead-lettering " + delivery.id() + " failed: "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
