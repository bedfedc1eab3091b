package io.dockwarden.compliance.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A waiver covering at least one failing check.
 *
 * @param source label or central
 * @param reference the label key or the central waiver's id
 * @param justification why the exception is accepted
 * @param expiresAt when it lapses
 * @param approvedBy who approved it (central waivers)
 * @param findings how many findings it covers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaiverInForce(String source, String reference, String justification, @Nullable Instant expiresAt,
        @Nullable String approvedBy, int findings) {
}
