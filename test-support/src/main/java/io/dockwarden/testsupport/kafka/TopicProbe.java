package io.dockwarden.testsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Collects every record that arrives on some topics, in a background thread, so that a test can wait for what a
 * service produced and look at keys, headers and values. It reads without a consumer group: it never disturbs the
 * services' offsets.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    TopicProbe(String bootstrapServers, List<String> topics, boolean fromBeginning) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaBroker.MAX_MESSAGE_BYTES);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions; create it first");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // Resolve the positions now, so that records produced after this constructor returns are seen.
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "topic-probe-" + String.join(",", topics));
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        } catch (WakeupException closing) {
            // close() woke the poller up.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Everything received so far, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(received);
    }

    public List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} matching records arrived, and returns all matching ones. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> filter, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> matching = records(filter);
            if (matching.size() >= count) {
                return matching;
            }
            sleep(50);
        }
        List<ConsumerRecord<String, byte[]>> matching = records(filter);
        throw new AssertionError("expected " + count + " matching records within " + timeout + ", got "
                + matching.size() + "; all received: " + describe(records()));
    }

    /** Waits until no new record arrived for {@code quiet}, then returns everything received. */
    public List<ConsumerRecord<String, byte[]>> awaitQuiet(Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = received.size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                break;
            }
            sleep(50);
        }
        return records();
    }

    /** Predicate on the {@code ce_type} header. */
    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String ceType) {
        return record -> ceType.equals(header(record, "ce_type"));
    }

    public static Predicate<ConsumerRecord<String, byte[]>> withKey(String key) {
        return record -> key.equals(record.key());
    }

    public static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Map<String, byte[]> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String describe(List<ConsumerRecord<String, byte[]>> records) {
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<String, byte[]> record : records) {
            text.append("\n  ").append(record.topic()).append(' ').append(record.key()).append(' ')
                    .append(header(record, "ce_type"));
        }
        return text.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
