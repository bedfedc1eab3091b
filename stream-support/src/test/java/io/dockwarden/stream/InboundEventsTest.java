package io.dockwarden.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

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

    @Test
    void splitsABatchIntoOneMessagePerRecordWithItsOwnHeadersInOrder() {
        byte[] first = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Message<List<Object>> batch = MessageBuilder.<List<Object>>withPayload(
                        java.util.Arrays.asList(first, KafkaNull.INSTANCE))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(Map.of("ce_id", ID), Map.of("ce-id", ID)))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("t", "t"))
                .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("k1", "k2"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 2))
                .setHeader(KafkaHeaders.OFFSET, List.of(7L, 9L))
                .build();

        List<Message<?>> records = InboundEvents.split(batch);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).getPayload()).isSameAs(first);
        assertThat(records.get(0).getHeaders()).containsEntry("ce_id", ID)
                .containsEntry(KafkaHeaders.RECEIVED_KEY, "k1").containsEntry(KafkaHeaders.OFFSET, 7L);
        assertThat(records.get(1).getPayload()).isEqualTo(KafkaNull.INSTANCE);
        assertThat(records.get(1).getHeaders()).containsEntry("ce-id", ID).doesNotContainKey("ce_id")
                .containsEntry(KafkaHeaders.RECEIVED_PARTITION, 2).containsEntry(KafkaHeaders.OFFSET, 9L);
    }
}
