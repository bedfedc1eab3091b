package io.dockwarden.inventory.publishing;

import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerStateRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted state topic back, for one host: the containers an earlier run of the inventory published and
 * did not remove. A sync compares the engine with them, so that a container removed while the inventory was down is
 * published as removed rather than forgotten.
 */
public final class RecordedState {

    private static final Logger log = LoggerFactory.getLogger(RecordedState.class);

    private final Map<String, Object> consumerProperties;
    private final EventCodec codec;
    private final Duration timeout;

    /**
     * @param consumerProperties the Kafka client settings (bootstrap servers, security)
     * @param codec decodes and validates the records
     * @param timeout how long reading may take before it counts as a broker outage
     */
    public RecordedState(Map<String, Object> consumerProperties, EventCodec codec, Duration timeout) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.codec = codec;
        this.timeout = timeout;
    }

    /**
     * The latest recorded snapshot of every container of the host, by container id.
     *
     * @throws IllegalStateException if the topic cannot be read to its end in time
     */
    public Map<String, ContainerSnapshot> read(String hostId) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Reading must never create the topic: a created one would not be compacted.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String prefix = hostId + "/";
        Map<String, ContainerSnapshot> recorded = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.CONTAINER_STATE, timeout);
            if (infos == null || infos.isEmpty()) {
                return Map.of();
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.CONTAINER_STATE + " to its end within "
                            + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        apply(record, recorded, prefix);
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException("could not read " + Topics.CONTAINER_STATE + ": " + e.getMessage(), e);
        }
        log.info("Read {} recorded containers of host {} from {}", recorded.size(), hostId, Topics.CONTAINER_STATE);
        return recorded;
    }

    private void apply(ConsumerRecord<String, byte[]> record, Map<String, ContainerSnapshot> recorded,
            String prefix) {
        String containerId = record.key().substring(prefix.length());
        if (EventCodec.isTombstone(record.topic(), record.value())) {
            recorded.remove(containerId);
            return;
        }
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        DecodeResult result = codec.decode(record.topic(), record.key(), headers, record.value());
        if (result instanceof DecodeResult.Accepted accepted) {
            EventData data = accepted.envelope().data();
            if (data instanceof ContainerStateRecorded state) {
                recorded.put(state.containerId(), state.snapshot());
            }
        } else if (result instanceof DecodeResult.Rejected rejected) {
            log.warn("Ignoring an unreadable record of {} at {}-{}@{}: {}", Topics.CONTAINER_STATE, record.topic(),
                    record.partition(), record.offset(), rejected.rejection());
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
