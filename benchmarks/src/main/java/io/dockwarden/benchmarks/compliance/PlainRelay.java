package io.dockwarden.benchmarks.compliance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline of the compliance throughput: a plain kafka-clients consumer in its own group that reads the same
 * records, produces the same number of output records of the same size without evaluating anything, and commits its
 * offsets once the outputs of a poll are acknowledged (at least once, as the service). Its producer is configured as
 * the service's (acks=all, idempotent, 5 ms linger, zstd), so the difference is what the service does per record.
 */
public final class PlainRelay {

    private final String bootstrapServers;
    private final String group;

    public PlainRelay(String bootstrapServers, String group) {
        this.bootstrapServers = bootstrapServers;
        this.group = group;
    }

    /**
     * Relays the records below {@code limits} (the offsets the service had committed per partition) and returns what
     * it took.
     *
     * @param topic the input topic
     * @param limits per partition, the offset to stop at
     * @param outputTopic where the outputs go
     * @param outputs how many output records in all, spread evenly over the inputs
     * @param outputBytes the size of each output value
     * @param timeout the longest the relay may take
     */
    public Relayed relay(String topic, Map<Integer, Long> limits, String outputTopic, long outputs, int outputBytes,
            Duration timeout) {
        long inputs = limits.values().stream().mapToLong(Long::longValue).sum();
        if (inputs == 0) {
            throw new IllegalArgumentException("nothing to relay");
        }
        byte[] value = new byte[outputBytes];
        java.util.Arrays.fill(value, (byte) 'x');
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long processed = 0;
        long produced = 0;
        long started = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                        new ByteArraySerializer())) {
            consumer.subscribe(List.of(topic));
            while (processed < inputs && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (started == 0) {
                    started = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() >= limits.getOrDefault(record.partition(), 0L)) {
                        continue;
                    }
                    long owed = (processed + 1) * outputs / inputs - processed * outputs / inputs;
                    for (long i = 0; i < owed; i++) {
                        producer.send(new ProducerRecord<>(outputTopic, record.key(), value));
                    }
                    produced += owed;
                    processed++;
                }
                producer.flush();
                consumer.commitSync();
            }
            long elapsed = System.nanoTime() - started;
            return new Relayed(processed, produced, started == 0 ? 0 : elapsed / 1_000_000);
        }
    }

    /**
     * What the relay did.
     *
     * @param inputs records read and relayed
     * @param outputs records produced
     * @param millis from its first poll with records to its last commit
     */
    public record Relayed(long inputs, long outputs, long millis) {

        public double inputsPerSecond() {
            return millis == 0 ? 0 : inputs * 1000.0 / millis;
        }
    }
}
