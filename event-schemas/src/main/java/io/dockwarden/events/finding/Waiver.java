package io.dockwarden.events.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An accepted exception to a check.
 *
 * @param source {@code label} (on the container) or {@code central} (the waiver file)
 * @param reference the label key or the central waiver's id
 * @param justification why the exception is accepted
 * @param expiresAt when the waiver lapses, if ever
 * @param approvedBy who approved it (central waivers)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Waiver(String source, String reference, String justification, @Nullable Instant expiresAt,
        @Nullable String approvedBy) {
}
