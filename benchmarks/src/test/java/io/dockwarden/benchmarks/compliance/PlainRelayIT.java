package io.dockwarden.benchmarks.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.benchmarks.stack.KafkaProgress;
import io.dockwarden.events.Topics;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * The compliance throughput's baseline and measuring tools against a real broker: the relay reads exactly the records
 * below the given offsets, writes exactly the requested number of outputs and commits what it read.
 */
class PlainRelayIT {

    @Test
    void relaysTheRecordsBelowTheLimitsAndWritesTheOutputsAsked() {
        KafkaBroker broker = KafkaBroker.shared();
        String input = "relay-in-" + UUID.randomUUID();
        String output = "relay-out-" + UUID.randomUUID();
        broker.createTopics(3, input, output);
        ContainerEventWorkload.Generator generator = ContainerEventWorkload.of(600, 60).generator();
        try (BulkProducer producer = new BulkProducer(broker.bootstrapServers())) {
            while (generator.hasNext()) {
                var event = generator.next();
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(input, event.key(),
                        event.value()));
            }
            assertThat(producer.flush()).isEqualTo(600);
        }
        try (Admin admin = broker.admin()) {
            KafkaProgress progress = new KafkaProgress(admin);
            Map<Integer, Long> ends = progress.endOffsets(input);
            assertThat(progress.records(input)).isEqualTo(600);
            Map<Integer, Long> limits = Map.of(0, ends.get(0) / 2, 1, ends.get(1), 2, 0L);
            long relayed = limits.values().stream().mapToLong(Long::longValue).sum();

            PlainRelay.Relayed result = new PlainRelay(broker.bootstrapServers(), "relay-test")
                    .relay(input, limits, output, 1_000, 300, Duration.ofMinutes(2));

            assertThat(result.inputs()).isEqualTo(relayed);
            assertThat(result.outputs()).isEqualTo(1_000);
            assertThat(progress.records(output)).isEqualTo(1_000);
            assertThat(progress.committedTotal("relay-test", input)).isGreaterThanOrEqualTo(relayed);
            assertThat(result.inputsPerSecond()).isPositive();
        }
    }

    @Test
    void averagesTheValueSizeOfATopicsFirstRecords() {
        KafkaBroker broker = KafkaBroker.shared();
        String topic = Topics.FINDINGS + "-" + UUID.randomUUID();
        broker.createTopics(1, topic);
        broker.sendRaw(topic, "a", Map.of(), new byte[100]);
        broker.sendRaw(topic, "b", Map.of(), new byte[300]);
        assertThat(ComplianceThroughput.averageValueSize(broker.bootstrapServers(), topic, 2)).isEqualTo(200);
    }
}
