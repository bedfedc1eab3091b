package io.dockwarden.stream;

import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.Envelope;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.RejectedEventException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Turns what a binding consumed into a typed event of the contract, or throws {@link RejectedEventException}, which
 * the listener container dead-letters at once, with the reason in headers, while consumption continues.
 */
public class InboundEvents {

    private final EventCodec codec;

    public InboundEvents(EventCodec codec) {
        this.codec = codec;
    }

    public Envelope<? extends EventData> decode(Message<byte[]> message) {
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

    private static byte @Nullable [] payload(Message<byte[]> message) {
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
