package io.dockwarden.compliance.findings.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Spring Cloud Function renames CloudEvents headers from the Kafka form {@code ce_id} to the canonical {@code ce-id}
 * for some records it recognises as CloudEvents (seen for records without a {@code content-type} header). The codec
 * reads the Kafka form, so the names are put back before decoding; a record whose headers were not renamed passes
 * through untouched.
 */
final class CloudEventHeaderNames {

    private static final String CANONICAL_PREFIX = "ce-";
    private static final String KAFKA_PREFIX = "ce_";

    private CloudEventHeaderNames() {
    }

    static Message<byte[]> restore(Message<byte[]> message) {
        Map<String, Object> headers = message.getHeaders();
        if (headers.containsKey("ce_id") || !headers.containsKey("ce-id")) {
            return message;
        }
        Map<String, Object> renamed = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith(CANONICAL_PREFIX)) {
                renamed.put(KAFKA_PREFIX + name.substring(CANONICAL_PREFIX.length()), value);
            }
        });
        return MessageBuilder.fromMessage(message).copyHeaders(renamed).build();
    }
}
