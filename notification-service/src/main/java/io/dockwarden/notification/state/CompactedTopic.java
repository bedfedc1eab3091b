package io.dockwarden.notification.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A compacted topic used as a durable key-value table: written through (each write waits for the broker's
 * acknowledgement), read whole at start, and optionally followed, so that writes of other instances show up.
 */
public final class CompactedTopic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopic.class);

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration sendTimeout;
    private @Nullable Thread follower;
    private volatile boolean running;
    private @Nullable KafkaConsumer<String, byte[]> followConsumer;

    public CompactedTopic(String topic, Map<String, Object> kafkaConsumerConfig, KafkaTemplate<String, byte[]> template,
            Duration sendTimeout) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(kafkaConsumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = config;
        this.template = template;
        this.sendTimeout = sendTimeout;
    }

    public String topic() {
        return topic;
    }

    /** The latest value of every key, read from the beginning to the current end. */
    public Map<String, byte[]> readAll() {
        Map<String, byte[]> table = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            readToEnd(consumer, (key, value) -> apply(table, key, value));
        }
        return table;
    }

    /** Reads the whole topic, then keeps delivering every new record in a background thread until closed. */
    public synchronized void follow(BiConsumer<String, byte @Nullable []> onRecord, String threadName) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig);
        readToEnd(consumer, onRecord);
        followConsumer = consumer;
        running = true;
        Thread thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.key() != null) {
                            onRecord.accept(record.key(), record.value());
                        }
                    }
                }
            } catch (WakeupException closing) {
                // close() woke the follower up.
            } catch (RuntimeException e) {
                log.error("Stopped following {}: {}", topic, e.toString());
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        follower = thread;
    }

    private void readToEnd(KafkaConsumer<String, byte[]> consumer, BiConsumer<String, byte @Nullable []> onRecord) {
        List<TopicPartition> partitions = new ArrayList<>();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + topic + " to its end took over two minutes");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() != null) {
                    onRecord.accept(record.key(), record.value());
                }
            }
        }
    }

    private static void apply(Map<String, byte[]> table, String key, byte @Nullable [] value) {
        if (value == null) {
            table.remove(key);
        } else {
            table.put(key, value);
        }
    }

    /** Writes a value and waits for the acknowledgement. */
    public void put(String key, byte[] value) {
        send(key, value);
    }

    /** Writes a tombstone and waits for the acknowledgement. */
    public void delete(String key) {
        send(key, null);
    }

    private void send(String key, byte @Nullable [] value) {
        try {
            template.send(new ProducerRecord<>(topic, key, value)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + key + " to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("writing " + key + " to " + topic + " failed: "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (followConsumer != null) {
            followConsumer.wakeup();
        }
        if (follower != null) {
            try {
                follower.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
