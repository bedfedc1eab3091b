package io.dockwarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

    @Test
    void sharedBrokerDeliversRecordsWithKeysAndHeaders() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics("probe-test");
        try (TopicProbe probe = broker.probe("probe-test")) {
            broker.sendRaw("probe-test", "host-1/abc", Map.of("ce_type", "x.y.v1".getBytes(StandardCharsets.UTF_8)),
                    "{}".getBytes(StandardCharsets.UTF_8));
            var records = probe.await(TopicProbe.ofType("x.y.v1"), 1, Duration.ofSeconds(30));
            assertThat(records.get(0).key()).isEqualTo("host-1/abc");
            assertThat(TopicProbe.value(records.get(0))).isEqualTo("{}");
        }
    }

    @Test
    void dedicatedBrokerKeepsAcknowledgedRecordsAcrossACrash() {
        try (KafkaBroker broker = KafkaBroker.dedicated()) {
            broker.createTopics(1, "outage");
            broker.sendRaw("outage", "k", Map.of(), "before".getBytes(StandardCharsets.UTF_8));
            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            broker.sendRaw("outage", "k", Map.of(), "after".getBytes(StandardCharsets.UTF_8));
            try (TopicProbe probe = broker.probeFromBeginning("outage")) {
                var records = probe.await(record -> true, 2, Duration.ofSeconds(30));
                assertThat(records).extracting(TopicProbe::value).containsExactly("before", "after");
            }
        }
    }
}
