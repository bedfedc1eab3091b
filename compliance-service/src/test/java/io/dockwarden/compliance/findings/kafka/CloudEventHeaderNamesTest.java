package io.dockwarden.compliance.findings.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventHeaderNamesTest {

    private static final byte[] ID = "id-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void putsCanonicalNamesBackIntoTheKafkaForm() {
        Message<byte[]> renamed = MessageBuilder.withPayload(new byte[0]).setHeader("ce-id", ID)
                .setHeader("ce-type", "t").setHeader("kafka_receivedTopic", "x").build();
        Message<byte[]> restored = CloudEventHeaderNames.restore(renamed);
        assertThat(restored.getHeaders().get("ce_id")).isEqualTo(ID);
        assertThat(restored.getHeaders().get("ce_type")).isEqualTo("t");
        assertThat(restored.getHeaders().get("kafka_receivedTopic")).isEqualTo("x");
    }

    @Test
    void leavesKafkaFormHeadersAlone() {
        Message<byte[]> message = MessageBuilder.withPayload(new byte[0]).setHeader("ce_id", ID).build();
        assertThat(CloudEventHeaderNames.restore(message)).isSameAs(message);
    }
}
