package io.dockwarden.benchmarks.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.container.ContainerObserved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerEventWorkloadTest {

    private final EventCodec consumer = new EventCodec("/dockwarden/compliance");

    @Test
    void everyRecordIsAValidEventOfTheContractAboutItsOwnContainer() {
        List<EncodedEvent> records = generate(ContainerEventWorkload.of(60, 20));
        assertThat(records).hasSize(60);
        Set<String> ids = new HashSet<>();
        Set<String> containers = new HashSet<>();
        Instant previous = Instant.MIN;
        for (EncodedEvent record : records) {
            DecodeResult decoded = consumer.decode(record);
            assertThat(decoded).isInstanceOf(DecodeResult.Accepted.class);
            var envelope = ((DecodeResult.Accepted) decoded).envelope();
            ContainerObserved event = (ContainerObserved) envelope.data();
            assertThat(event.snapshot().id()).isEqualTo(event.containerId());
            assertThat(record.key()).isEqualTo(event.hostId() + "/" + event.containerId());
            assertThat(envelope.time()).isAfter(previous);
            previous = envelope.time();
            ids.add(envelope.id());
            containers.add(event.containerId());
        }
        assertThat(ids).hasSize(60);
        assertThat(containers).hasSize(20);
    }

    @Test
    void aContainersEventsAlternateBetweenRunningAndExited() {
        List<EncodedEvent> records = generate(ContainerEventWorkload.of(6, 3));
        ContainerObserved first = (ContainerObserved) consumer.decode(records.get(1)).orElseThrow().data();
        ContainerObserved second = (ContainerObserved) consumer.decode(records.get(4)).orElseThrow().data();
        assertThat(first.containerId()).isEqualTo(second.containerId());
        assertThat(first.snapshot().status()).isEqualTo("running");
        assertThat(second.snapshot().status()).isEqualTo("exited");
        assertThat(ContainerEventWorkload.profileOf(1)).isEqualTo(1);
    }

    @Test
    void replacesEveryOccurrenceOfAnIdOfTheSameLength() {
        byte[] replaced = ContainerEventWorkload.replace("a-XY-b-XY".getBytes(StandardCharsets.UTF_8),
                "XY".getBytes(StandardCharsets.UTF_8), "12".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(replaced, StandardCharsets.UTF_8)).isEqualTo("a-12-b-12");
        assertThatThrownBy(() -> ContainerEventWorkload.replace(new byte[1], new byte[1], new byte[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<EncodedEvent> generate(ContainerEventWorkload workload) {
        List<EncodedEvent> records = new ArrayList<>();
        ContainerEventWorkload.Generator generator = workload.generator();
        while (generator.hasNext()) {
            records.add(generator.next());
        }
        return records;
    }
}
