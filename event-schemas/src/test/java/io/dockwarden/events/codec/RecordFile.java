package io.dockwarden.events.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Kafka record written down as JSON, as the example and counter-example files hold it: topic, key, headers (text,
 * or base64 bytes under {@code headersBase64}), and the value as JSON ({@code value}), raw text ({@code valueText}),
 * base64 bytes ({@code valueBase64}) or none at all. A counter-example also names the payload limit of the consumer
 * ({@code maxPayloadBytes}) and what it expects ({@code expect.reason}, {@code expect.detailContains}).
 *
 * @param file where it was read from
 * @param topic the topic
 * @param key the record key
 * @param headers header values, as {@code String} or {@code byte[]}
 * @param value the value bytes
 * @param maxPayloadBytes the consumer's limit
 * @param expectedReason for a counter-example, why it must be rejected
 * @param expectedDetail for a counter-example, a part of the detail
 */
record RecordFile(Path file, String topic, @Nullable String key, Map<String, Object> headers, byte @Nullable [] value,
        int maxPayloadBytes, @Nullable RejectionReason expectedReason, @Nullable String expectedDetail) {

    static final Path EXAMPLES = Path.of("src/test/resources/examples");
    static final Path COUNTER_EXAMPLES = Path.of("src/test/resources/counter-examples");

    static List<RecordFile> in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(RecordFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordFile read(Path file) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        json.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
        json.path("headersBase64").properties().forEach(header -> headers.put(header.getKey(),
                Base64.getDecoder().decode(header.getValue().asString())));
        JsonNode expect = json.path("expect");
        return new RecordFile(file, json.get("topic").asString(),
                json.path("key").isString() ? json.get("key").asString() : null, headers, value(json),
                json.path("maxPayloadBytes").asInt(EventCodec.DEFAULT_MAX_PAYLOAD_BYTES),
                expect.has("reason") ? RejectionReason.valueOf(expect.get("reason").asString()) : null,
                expect.has("detailContains") ? expect.get("detailContains").asString() : null);
    }

    private static byte @Nullable [] value(JsonNode json) {
        if (json.has("value")) {
            return EventJson.mapper().writeValueAsBytes(json.get("value"));
        }
        if (json.has("valueText")) {
            return json.get("valueText").asString().getBytes(StandardCharsets.UTF_8);
        }
        if (json.has("valueBase64")) {
            return Base64.getDecoder().decode(json.get("valueBase64").asString());
        }
        return null;
    }

    /** The same record with every header as UTF-8 bytes, as a raw Kafka consumer sees it. */
    RecordFile withByteHeaders() {
        Map<String, Object> bytes = new LinkedHashMap<>();
        headers.forEach((name, text) -> bytes.put(name,
                text instanceof String string ? string.getBytes(StandardCharsets.UTF_8) : text));
        return new RecordFile(file, topic, key, bytes, value, maxPayloadBytes, expectedReason, expectedDetail);
    }

    DecodeResult decodeWith(EventCodec codec) {
        return codec.decode(topic, key, headers, value);
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
