package io.dockwarden.events.codec;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.EventType;
import io.dockwarden.events.Topics;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns event records into Kafka records in CloudEvents binary mode and back. Encoding refuses data that breaks its
 * schema, since a producer bug must not reach a topic; decoding never throws for bad input and says exactly what is
 * wrong, so that the record can be dead-lettered with a reason someone can act on.
 */
public final class EventCodec {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    /** Rejection details travel in a Kafka header and in logs; beyond this they stop helping. */
    static final int MAX_DETAIL_CHARS = 2000;
    private static final int MAX_QUOTED_CHARS = 200;

    private final String source;
    private final int maxPayloadBytes;
    private final Clock clock;
    private final EventSchemas schemas = EventSchemas.shared();
    private final JsonMapper mapper = EventJson.mapper();

    /**
     * A codec with the default payload limit and the system clock.
     *
     * @param source the {@code ce_source} of the events this codec encodes, such as
     *        {@code /dockwarden/inventory/host-1}
     */
    public EventCodec(String source) {
        this(source, DEFAULT_MAX_PAYLOAD_BYTES, Clock.systemUTC());
    }

    /**
     * A codec.
     *
     * @param source the {@code ce_source} of the events this codec encodes: a non-empty URI reference
     * @param maxPayloadBytes the largest value encoded or accepted
     * @param clock the time of events encoded without an explicit one
     */
    public EventCodec(String source, int maxPayloadBytes, Clock clock) {
        if (source.isBlank() || !isUriReference(source)) {
            throw new IllegalArgumentException("ce_source must be a non-empty URI reference: '" + source + "'");
        }
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
        }
        this.source = source;
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = clock;
    }

    /** Encodes with a random id and the clock's time. */
    public EncodedEvent encode(EventData data) {
        return encode(data, UUID.randomUUID().toString(), clock.instant());
    }

    /**
     * Encodes an event.
     *
     * @param data the event data; its type decides the topic and its subject the key
     * @param id the {@code ce_id}; redelivering the same id must change nothing downstream
     * @param time the {@code ce_time}
     * @throws IllegalArgumentException if the data is not a catalog type, breaks its schema or is too large
     */
    public EncodedEvent encode(EventData data, String id, Instant time) {
        EventType<?> type = EventCatalog.of(data);
        if (id.isBlank()) {
            throw new IllegalArgumentException("ce_id must not be blank");
        }
        byte[] value = EventJson.toJson(data);
        if (value.length > maxPayloadBytes) {
            throw new IllegalArgumentException(type.type() + " data is " + value.length + " bytes, over the limit of "
                    + maxPayloadBytes + " bytes");
        }
        List<EventSchemas.Violation> violations = schemas.validate(type, mapper.readTree(value));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(type.type() + " data breaks its schema: " + joined(violations));
        }
        Map<String, String> headers = attributes(type, data.subject(), id, time);
        headers.put(CloudEventHeaders.DATA_SCHEMA, type.dataschema());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return new EncodedEvent(type.topic(), data.subject(), headers, value);
    }

    /**
     * A record without value that removes a subject from a compacted topic. It keeps the CloudEvents attributes, so
     * that its origin and time stay traceable, but has neither data schema nor content type.
     *
     * @throws IllegalArgumentException if the type's topic is not compacted: there, a tombstone would read as an event
     *         without data
     */
    public EncodedEvent tombstone(EventType<?> type, String subject) {
        if (!Topics.isCompacted(type.topic())) {
            throw new IllegalArgumentException(
                    type.topic() + " is not compacted; tombstones belong on " + Topics.COMPACTED);
        }
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a tombstone needs a subject: it is the key it removes");
        }
        return new EncodedEvent(type.topic(), subject,
                attributes(type, subject, UUID.randomUUID().toString(), clock.instant()), null);
    }

    /** Whether a record is a tombstone of a compacted topic, which carries no event and is not for {@link #decode}. */
    public static boolean isTombstone(String topic, byte @Nullable [] value) {
        return value == null && Topics.isCompacted(topic);
    }

    /** Decodes what {@link #encode} produced, as a consumer would receive it. */
    public DecodeResult decode(EncodedEvent event) {
        return decode(event.topic(), event.key(), event.headers(), event.value());
    }

    /**
     * Decodes a Kafka record. Checks run from the cheapest to the most expensive, and the first that fails decides:
     * size, value, encoding, attributes, type, topic, key, JSON, schema, and finally binding to the record.
     *
     * @param topic the topic the record was read from
     * @param key the record key
     * @param headers the record headers; values are {@code byte[]} (raw Kafka) or {@code String} (mapped)
     * @param value the record value
     * @return the event, or why it was rejected; never throws for bad input
     */
    public DecodeResult decode(String topic, @Nullable String key, Map<String, ?> headers, byte @Nullable [] value) {
        try {
            return new DecodeResult.Accepted(decodeOrReject(topic, key, headers, value));
        } catch (Reject reject) {
            return new DecodeResult.Rejected(reject.rejection);
        }
    }

    private Envelope<? extends EventData> decodeOrReject(String topic, @Nullable String key, Map<String, ?> headers,
            byte @Nullable [] value) {
        byte[] payload = checkValue(topic, value);
        Map<String, String> attributes = readAttributes(headers);

        String specVersion = attributes.get(CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE, CloudEventHeaders.SPEC_VERSION + " is " + quote(specVersion)
                    + ", expected '" + CloudEventHeaders.SPEC_VERSION_1_0 + "'");
        }
        String eventSource = attributes.get(CloudEventHeaders.SOURCE);
        if (!isUriReference(eventSource)) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE,
                    CloudEventHeaders.SOURCE + " " + quote(eventSource) + " is not a URI reference");
        }
        Instant time = parseTime(attributes.get(CloudEventHeaders.TIME));

        String typeName = attributes.get(CloudEventHeaders.TYPE);
        EventType<?> type = EventCatalog.byType(typeName).orElseThrow(() -> reject(RejectionReason.UNKNOWN_TYPE,
                CloudEventHeaders.TYPE + " " + quote(typeName) + " is not a type of the contract"));
        if (!type.topic().equals(topic)) {
            throw reject(RejectionReason.WRONG_TOPIC,
                    CloudEventHeaders.TYPE + " " + type.type() + " travels on " + type.topic() + ", not on " + topic);
        }
        String subject = attributes.get(CloudEventHeaders.SUBJECT);
        if (key == null) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE,
                    "the record has no key, but " + CloudEventHeaders.SUBJECT + " is " + quote(subject));
        }
        if (!subject.equals(key)) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE, CloudEventHeaders.SUBJECT + " " + quote(subject)
                    + " does not match the record key " + quote(key));
        }
        String dataSchema = attributes.get(CloudEventHeaders.DATA_SCHEMA);
        if (dataSchema != null && !dataSchema.equals(type.dataschema())) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE, CloudEventHeaders.DATA_SCHEMA + " " + quote(dataSchema)
                    + " is not the schema of " + type.type() + ": " + type.dataschema());
        }
        String contentType = attributes.get(CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !CloudEventHeaders.APPLICATION_JSON.equals(mediaType(contentType))) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE, CloudEventHeaders.CONTENT_TYPE + " is " + quote(contentType)
                    + ", expected '" + CloudEventHeaders.APPLICATION_JSON + "'");
        }

        JsonNode tree = parse(payload);
        List<EventSchemas.Violation> violations;
        try {
            violations = schemas.validate(type, tree);
        } catch (RuntimeException e) {
            // Hostile input may hit a limit of the validator; that is still a verdict on the record, not a crash.
            throw reject(RejectionReason.SCHEMA_VIOLATION, "the data could not be validated: " + e.getMessage());
        }
        if (!violations.isEmpty()) {
            throw reject(RejectionReason.SCHEMA_VIOLATION, joined(violations));
        }
        return envelope(type, attributes.get(CloudEventHeaders.ID), eventSource, time, subject, tree);
    }

    private byte[] checkValue(String topic, byte @Nullable [] value) {
        if (value != null && value.length > maxPayloadBytes) {
            throw reject(RejectionReason.OVERSIZED,
                    "the value is " + value.length + " bytes, over the limit of " + maxPayloadBytes + " bytes");
        }
        if (value == null) {
            throw reject(RejectionReason.EMPTY_VALUE, Topics.isCompacted(topic)
                    ? "the record has no value: a tombstone, which carries no event "
                            + "(check EventCodec.isTombstone first)"
                    : "the record has no value, and " + topic + " is not compacted");
        }
        if (value.length == 0) {
            throw reject(RejectionReason.EMPTY_VALUE, "the value is empty (0 bytes)");
        }
        int malformedAt = malformedUtf8Offset(value);
        if (malformedAt >= 0) {
            throw reject(RejectionReason.INVALID_ENCODING,
                    "the value is not valid UTF-8 (malformed at byte " + malformedAt + ")");
        }
        return value;
    }

    private static Map<String, String> readAttributes(Map<String, ?> headers) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : List.of(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.CONTENT_TYPE)) {
            String text = headerText(name, headers.get(name));
            if (text != null) {
                attributes.put(name, text);
            }
        }
        for (String name : CloudEventHeaders.REQUIRED) {
            String text = attributes.get(name);
            if (text == null) {
                throw reject(RejectionReason.MISSING_ATTRIBUTE, "header " + name + " is missing");
            }
            if (text.isBlank()) {
                throw reject(RejectionReason.MISSING_ATTRIBUTE, "header " + name + " is empty");
            }
        }
        return attributes;
    }

    private static @Nullable String headerText(String name, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof byte[] bytes) {
            if (malformedUtf8Offset(bytes) >= 0) {
                throw reject(RejectionReason.INVALID_ENCODING, "header " + name + " is not valid UTF-8");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw reject(RejectionReason.INVALID_ATTRIBUTE,
                "header " + name + " is a " + value.getClass().getName() + ", expected bytes or a string");
    }

    private static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE,
                    CloudEventHeaders.TIME + " " + quote(text) + " is not an RFC 3339 timestamp");
        }
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode tree = mapper.readTree(payload);
            if (tree == null || tree.isMissingNode()) {
                throw reject(RejectionReason.MALFORMED_JSON, "the value holds no JSON, only whitespace");
            }
            return tree;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw reject(RejectionReason.MALFORMED_JSON, "the value is not JSON: " + e.getOriginalMessage() + where);
        }
    }

    private <T extends EventData> Envelope<T> envelope(EventType<T> type, String id, String eventSource, Instant time,
            String subject, JsonNode tree) {
        T data;
        try {
            data = mapper.treeToValue(tree, type.dataClass());
        } catch (JacksonException e) {
            // The schemas mirror the records, so this means they drifted apart; the record still cannot be processed.
            throw reject(RejectionReason.SCHEMA_VIOLATION,
                    "the data does not bind to " + type.dataClass().getSimpleName() + ": " + e.getOriginalMessage());
        }
        if (!subject.equals(data.subject())) {
            throw reject(RejectionReason.INVALID_ATTRIBUTE, CloudEventHeaders.SUBJECT + " " + quote(subject)
                    + " does not match the data's subject " + quote(data.subject()));
        }
        return new Envelope<>(id, eventSource, type, time, subject, data);
    }

    private Map<String, String> attributes(EventType<?> type, String subject, String id, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type.type());
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        headers.put(CloudEventHeaders.SUBJECT, subject);
        return headers;
    }

    private static boolean isUriReference(@Nullable String text) {
        if (text == null) {
            return false;
        }
        try {
            new URI(text);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    static String joined(List<EventSchemas.Violation> violations) {
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < violations.size(); i++) {
            String next = (i == 0 ? "" : "; ") + violations.get(i);
            String more = " (and " + (violations.size() - i) + " more)";
            if (detail.length() + next.length() > MAX_DETAIL_CHARS - more.length()) {
                return detail.append(more).toString();
            }
            detail.append(next);
        }
        return detail.toString();
    }

    private static String quote(@Nullable String text) {
        if (text == null) {
            return "absent";
        }
        return "'" + (text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text) + "'";
    }

    /** The offset of the first byte that is not UTF-8, or -1 when all are. */
    private static int malformedUtf8Offset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        return result.isError() ? in.position() : -1;
    }

    private static Reject reject(RejectionReason reason, String detail) {
        return new Reject(new Rejection(reason, detail));
    }

    /** Unwinds a decode to its first failed check; never leaves this class. */
    private static final class Reject extends RuntimeException {

        private final Rejection rejection;

        Reject(Rejection rejection) {
            super(rejection.toString(), null, false, false);
            this.rejection = rejection;
        }
    }
}
