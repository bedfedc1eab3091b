package io.dockwarden.events.codec;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event ready for Kafka in CloudEvents binary mode.
 *
 * @param topic the topic its type travels on
 * @param key the record key (the subject)
 * @param headers {@code ce_*} attributes and {@code content-type}, as UTF-8 strings
 * @param value the data as JSON; absent for a tombstone
 */
public record EncodedEvent(String topic, String key, Map<String, String> headers, byte @Nullable [] value) {

    public EncodedEvent {
        headers = Map.copyOf(headers);
    }
}
