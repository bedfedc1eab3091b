package io.dockwarden.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundEventsTest {

    private static final byte[] ID = "id-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void putsCanonicalCloudEventsNamesBackIntoTheKafkaForm() {
        Map<String, Object> restored = InboundEvents.kafkaFormAttributes(Map.of("ce-id", ID, "ce-type", "t",
                "kafka_receivedTopic", "x"));
        assertThat(restored).containsEntry("ce_id", ID).containsEntry("ce_type", "t")
                .containsEntry("kafka_receivedTopic", "x");
    }

    @Test
    void leavesKafkaFormHeadersAlone() {
        Map<String, Object> headers = Map.of("ce_id", ID);
        assertThat(InboundEvents.kafkaFormAttributes(headers)).isSameAs(headers);
    }
}
