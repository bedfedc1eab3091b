package io.dockwarden.benchmarks.drills;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.EventType;
import io.dockwarden.events.codec.CloudEventHeaders;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.events.fixtures.EventFixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad records for a topic, made from a valid event of a type that travels on it and then broken in one way each:
 * JSON cut off, a field of the wrong type, a type the contract does not know, a required header missing, a value of
 * 2 MB (over the 1 MiB limit), bytes that are not UTF-8. Every one carries a marker header, so that the drill can
 * find it again in the dead-letter topic.
 */
final class PoisonRecords {

    static final String BAD_HEADER = "dockwarden-drill-bad";
    static final String GOOD_HEADER = "dockwarden-drill-good";
    static final int OVERSIZED_BYTES = 2 * 1024 * 1024;

    private static final EventCodec CODEC = new EventCodec("/dockwarden/drills");
    private static final List<String> REMOVABLE = List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE,
            CloudEventHeaders.SOURCE, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT);

    /** How a record is broken. */
    enum Kind {
        MALFORMED_JSON, WRONG_TYPES, UNKNOWN_TYPE, MISSING_HEADER, OVERSIZED, INVALID_UTF8
    }

    private PoisonRecords() {
    }

    /** One in a hundred is oversized (they are heavy); the others cycle through the remaining kinds. */
    static Kind kindOf(int index) {
        if (index % 100 == 99) {
            return Kind.OVERSIZED;
        }
        List<Kind> light = List.of(Kind.MALFORMED_JSON, Kind.WRONG_TYPES, Kind.UNKNOWN_TYPE, Kind.MISSING_HEADER,
                Kind.INVALID_UTF8);
        return light.get(index % light.size());
    }

    static ProducerRecord<String, byte[]> bad(String topic, int index) {
        EventType<?> type = EventCatalog.onTopic(topic).get(0);
        EventData sample = EventFixtures.sampleOf(type);
        EncodedEvent valid = CODEC.encode(sample, "poison-" + index, EventFixtures.T0);
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        byte[] value = valid.value();
        switch (kindOf(index)) {
            case MALFORMED_JSON -> value = Arrays.copyOf(value, value.length / 2);
            case WRONG_TYPES -> value = withWrongType(value);
            case UNKNOWN_TYPE -> headers.put(CloudEventHeaders.TYPE, "io.dockwarden.drill.exploded.v1");
            case MISSING_HEADER -> headers.remove(REMOVABLE.get(index / 5 % REMOVABLE.size()));
            case OVERSIZED -> value = oversized();
            case INVALID_UTF8 -> value = invalidUtf8();
            default -> throw new IllegalStateException("unknown kind");
        }
        ProducerRecord<String, byte[]> record = record(topic, valid.key(), headers, value);
        record.headers().add(new RecordHeader(BAD_HEADER, Integer.toString(index).getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    static ProducerRecord<String, byte[]> good(EventData data, String id, int index) {
        EncodedEvent event = CODEC.encode(data, id, EventFixtures.T0.plusSeconds(index));
        ProducerRecord<String, byte[]> record = record(event.topic(), event.key(), event.headers(), event.value());
        record.headers().add(new RecordHeader(GOOD_HEADER, Integer.toString(index).getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Map<String, String> headers,
            byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(new RecordHeader(name,
                text.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** The first text field of the data turned into a number. */
    static byte[] withWrongType(byte[] value) {
        JsonNode tree = EventJson.mapper().readTree(value);
        ObjectNode object = (ObjectNode) tree;
        for (String name : object.propertyNames()) {
            if (object.get(name).isString()) {
                object.put(name, 12345);
                return EventJson.mapper().writeValueAsBytes(object);
            }
        }
        throw new IllegalStateException("no text field to break in " + new String(value, StandardCharsets.UTF_8));
    }

    static byte[] oversized() {
        byte[] padding = new byte[OVERSIZED_BYTES];
        Arrays.fill(padding, (byte) 'a');
        ByteArrayOutputStream out = new ByteArrayOutputStream(OVERSIZED_BYTES + 32);
        out.writeBytes("{\"padding\":\"".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(padding);
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"hostId\":\"".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
