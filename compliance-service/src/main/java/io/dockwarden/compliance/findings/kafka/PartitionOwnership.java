package io.dockwarden.compliance.findings.kafka;

import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Which input partitions this instance consumes, and so which subjects it owns: only the owner of a subject's
 * partition acts on it without an event (waiver expiry, reloads), so two instances never both do. An assignment
 * first waits for the state topic to be read to its end.
 */
public final class PartitionOwnership implements KafkaBindingRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

    private final KafkaSubjectStates states;
    private final Duration catchUpTimeout;
    private final Map<String, Set<Integer>> owned = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private final List<Runnable> assignmentListeners = new CopyOnWriteArrayList<>();

    public PartitionOwnership(KafkaSubjectStates states, Duration catchUpTimeout) {
        this.states = states;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** Called after partitions were assigned and the state caught up. */
    public void onAssignment(Runnable listener) {
        assignmentListeners.add(listener);
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions, boolean initial) {
        for (TopicPartition partition : partitions) {
            partitionCounts.computeIfAbsent(partition.topic(), topic -> {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                return infos == null || infos.isEmpty() ? 1 : infos.size();
            });
            owned.computeIfAbsent(partition.topic(), topic -> ConcurrentHashMap.newKeySet()).add(partition.partition());
        }
        if (!partitions.isEmpty()) {
            // What the previous owner of these partitions wrote must be read before their records are consumed.
            states.awaitCaughtUp(catchUpTimeout);
            log.info("{} assigned {}", bindingName, partitions);
            assignmentListeners.forEach(Runnable::run);
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Set<Integer> set = owned.get(partition.topic());
            if (set != null) {
                set.remove(partition.partition());
            }
        }
    }

    /** Whether this instance consumes the partition the subject's events are keyed to. */
    public boolean owns(SubjectState state) {
        return state.isContainer() ? owns(Topics.CONTAINER_EVENTS, state.key()) : owns(Topics.HOST_EVENTS, state.key());
    }

    public boolean owns(String topic, String key) {
        Set<Integer> partitions = owned.get(topic);
        Integer count = partitionCounts.get(topic);
        if (partitions == null || partitions.isEmpty() || count == null) {
            return false;
        }
        return partitions.contains(partitionOf(key, count));
    }

    /** The instance consuming partition 0 of the container events leads scheduled work done once per fleet. */
    public boolean leads() {
        Set<Integer> partitions = owned.get(Topics.CONTAINER_EVENTS);
        return partitions != null && partitions.contains(0);
    }

    public Map<String, Set<Integer>> assigned() {
        Map<String, Set<Integer>> copy = new java.util.TreeMap<>();
        owned.forEach((topic, partitions) -> copy.put(topic, Set.copyOf(partitions)));
        return copy;
    }

    /** The partition Kafka's default partitioner picks for a key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
