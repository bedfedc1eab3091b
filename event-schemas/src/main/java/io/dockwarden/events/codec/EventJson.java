package io.dockwarden.events.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.EventData;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the contract: what producers write is what the schemas describe and what consumers
 * read back. Services that handle event data as JSON themselves use this mapper rather than their own.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // The schemas say date-time strings; epoch numbers would be a different contract.
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Record component order keeps the JSON in the order the schemas and the Javadoc list the fields.
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            // A consumer must never see data the validator did not: no unknown fields, no duplicates, nothing after.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EventJson() {
    }

    /** The shared mapper; Jackson 3 mappers are immutable, so it is safe to use from any thread. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The event data as the UTF-8 JSON that travels as the record value. */
    public static byte[] toJson(EventData data) {
        return MAPPER.writeValueAsBytes(data);
    }
}
