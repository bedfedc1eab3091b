package io.dockwarden.stream;

import io.dockwarden.events.EventData;
import io.dockwarden.events.EventType;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events of the contract in CloudEvents binary mode: the key is the subject, attributes are {@code ce_*}
 * headers, the value is the validated JSON data. The producer is idempotent with {@code acks=all}, so the broker's
 * acknowledgement means the event is durable and a retried send never duplicates it.
 */
public class EventPublisher {

    private final EventCodec codec;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration sendTimeout;

    public EventPublisher(EventCodec codec, KafkaTemplate<String, byte[]> template, Duration sendTimeout) {
        this.codec = codec;
        this.template = template;
        this.sendTimeout = sendTimeout;
    }

    /** Publishes and waits for the broker's acknowledgement; returns the event's {@code ce_id}. */
    public String publish(EventData data) {
        EncodedEvent event = codec.encode(data);
        await(send(event), event);
        return event.headers().get("ce_id");
    }

    /** Publishes with a given id and time, such as an id derived from what caused the event (idempotent retries). */
    public String publish(EventData data, String id, Instant time) {
        EncodedEvent event = codec.encode(data, id, time);
        await(send(event), event);
        return id;
    }

    /** Publishes without waiting; the future completes with the acknowledgement. */
    public CompletableFuture<SendResult<String, byte[]>> publishAsync(EventData data) {
        return send(codec.encode(data));
    }

    /** Publishes a tombstone (no value) for a subject on a compacted topic. */
    public void publishTombstone(EventType<?> type, String subject) {
        EncodedEvent event = codec.tombstone(type, subject);
        await(send(event), event);
    }

    /** Sends an already encoded event, as it is. */
    public CompletableFuture<SendResult<String, byte[]>> send(EncodedEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.value());
        event.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return template.send(record);
    }

    private void await(CompletableFuture<SendResult<String, byte[]>> future, EncodedEvent event) {
        try {
            future.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(event, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(event, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException(event, e);
        }
    }

    /** A publish that the broker did not acknowledge in time; the caller's work is not done. */
    public static class PublishFailedException extends RuntimeException {

        PublishFailedException(EncodedEvent event, Throwable cause) {
            super("publishing " + event.headers().get("ce_type") + " for " + event.key() + " to " + event.topic()
                    + " failed: " + cause.getMessage(), cause);
        }
    }
}
