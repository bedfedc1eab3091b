package io.dockwarden.snapshots;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Engine timestamps: RFC 3339 with nanoseconds, and Go's zero time ({@code 0001-01-01T00:00:00Z}) for "never". */
final class EngineTime {

    private EngineTime() {
    }

    static @Nullable Instant parse(@Nullable String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
