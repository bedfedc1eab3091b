package io.dockwarden.benchmarks.compliance;

import io.dockwarden.events.codec.EncodedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes many records fast and durably (acks=all, idempotent, batched): a workload must reach the broker whole before
 * the service's rate is measured on it.
 */
public final class BulkProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<@Nullable Exception> failure = new AtomicReference<>();

    public BulkProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024 + 64 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000), new StringSerializer(),
                new ByteArraySerializer());
    }

    public void send(EncodedEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.value());
        event.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        send(record);
    }

    public void send(ProducerRecord<String, byte[]> record) {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the broker refused a record", failed);
        }
        producer.send(record, (metadata, exception) -> {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failure.compareAndSet(null, exception);
            }
        });
    }

    /** Waits until every record sent so far is acknowledged; returns how many were, in all. */
    public long flush() {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the broker refused a record", failed);
        }
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
