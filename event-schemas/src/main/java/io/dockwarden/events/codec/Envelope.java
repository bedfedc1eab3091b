package io.dockwarden.events.codec;

import io.dockwarden.events.EventData;
import io.dockwarden.events.EventType;
import java.time.Instant;

/**
 * A decoded CloudEvent: its attributes and its typed data.
 *
 * @param id {@code ce_id}; the same source and id is the same event (consumers use it for idempotence)
 * @param source {@code ce_source}, such as {@code /dockwarden/inventory/<hostId>}
 * @param type the event type
 * @param time {@code ce_time}
 * @param subject {@code ce_subject}, equal to the Kafka key
 * @param data the event data
 * @param <T> the data type
 */
public record Envelope<T extends EventData>(String id, String source, EventType<T> type, Instant time,
        String subject, T data) {
}
