package io.dockwarden.stream;

import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.Envelope;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.RejectedEventException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Turns what a binding consumed into a typed event of the contract, or throws {@link RejectedEventException}, which
 * the listener container dead-letters at once, with the reason in headers, while consumption continues.
 */
public class InboundEvents {

    private final EventCodec codec;

    public InboundEvents(EventCodec codec) {
        this.codec = codec;
    }

    public Envelope<? extends EventData> decode(Message<?> message) {
        Map<String, Object> headers = kafkaFormAttributes(message.getHeaders());
        String topic = text(headers.get(KafkaHeaders.RECEIVED_TOPIC));
        DecodeResult result = codec.decode(topic == null ? "" : topic, text(headers.get(KafkaHeaders.RECEIVED_KEY)),
                headers, payload(message));
        if (result instanceof DecodeResult.Rejected rejected) {
            throw new RejectedEventException(rejected.rejection());
        }
        return ((DecodeResult.Accepted) result).envelope();
    }

    /**
     * Spring Cloud Function renames CloudEvents headers from the Kafka form {@code ce_id} to the canonical
     * {@code ce-id} for some records it recognises as CloudEvents (seen for records without a {@code content-type});
     * the codec reads the Kafka form, so the names are put back.
     */
    static Map<String, Object> kafkaFormAttributes(Map<String, Object> headers) {
        if (headers.containsKey("ce_id") || !headers.containsKey("ce-id")) {
            return headers;
        }
        Map<String, Object> renamed = new java.util.LinkedHashMap<>(headers);
        headers.forEach((name, value) -> {
            if (name.startsWith("ce-")) {
                renamed.putIfAbsent("ce_" + name.substring(3), value);
            }
        });
        return renamed;
    }

    /**
     * Splits what a batch-mode binding consumed into one message per record, each with its own headers, topic, key,
     * partition and offset, in the order consumed.
     */
    public static List<Message<?>> split(Message<?> batch) {
        if (!(batch.getPayload() instanceof List<?> payloads)) {
            throw new IllegalArgumentException("not a batch: " + batch.getPayload().getClass().getName());
        }
        MessageHeaders headers = batch.getHeaders();
        List<?> converted = listHeader(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<?> nativeHeaders = listHeader(headers, KafkaHeaders.NATIVE_HEADERS);
        List<?> topics = listHeader(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> keys = listHeader(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> partitions = listHeader(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = listHeader(headers, KafkaHeaders.OFFSET);
        List<Message<?>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Object payload = payloads.get(i);
            MessageBuilder<?> record = MessageBuilder.withPayload(payload == null ? KafkaNull.INSTANCE : payload);
            if (element(converted, i) instanceof Map<?, ?> own) {
                own.forEach((name, value) -> record.setHeader(String.valueOf(name), value));
            } else if (element(nativeHeaders, i) instanceof Headers raw) {
                raw.forEach(header -> record.setHeader(header.key(), header.value()));
            }
            record.setHeader(KafkaHeaders.RECEIVED_TOPIC, element(topics, i));
            record.setHeader(KafkaHeaders.RECEIVED_KEY, element(keys, i));
            record.setHeader(KafkaHeaders.RECEIVED_PARTITION, element(partitions, i));
            record.setHeader(KafkaHeaders.OFFSET, element(offsets, i));
            records.add(record.build());
        }
        return records;
    }

    private static @Nullable List<?> listHeader(MessageHeaders headers, String name) {
        return headers.get(name) instanceof List<?> list ? list : null;
    }

    private static @Nullable Object element(@Nullable List<?> list, int index) {
        return list == null || index >= list.size() ? null : list.get(index);
    }

    private static byte @Nullable [] payload(Message<?> message) {
        Object payload = message.getPayload();
        // The binder hands a tombstone over as a KafkaNull payload rather than null.
        return payload instanceof byte[] bytes ? bytes : null;
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
