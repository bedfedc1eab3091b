package io.dockwarden.compliance.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of walking the hash chain of archived reports.
 *
 * @param intact whether every link and every archived object checked out
 * @param reportsChecked how many reports were walked before the walk ended
 * @param firstBroken the first broken link, in chain order
 * @param newestReportId the newest report of the chain
 * @param checkedAt when the walk ran
 * @param notes observations that do not break the chain, such as a chain starting after pruned reports
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean intact, int reportsChecked, @Nullable BrokenLink firstBroken,
        @Nullable String newestReportId, Instant checkedAt, List<String> notes) {

    public ChainVerification {
        notes = List.copyOf(notes);
    }

    /**
     * Where the chain breaks.
     *
     * @param reportId the report at which the walk found the break
     * @param key the object that does not check out
     * @param linkedReportId the earlier report the broken link points to, when the link itself broke
     * @param problem what does not match, with both hashes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrokenLink(String reportId, String key, @Nullable String linkedReportId, String problem) {
    }
}
