package io.dockwarden.events.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.EventData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compliance report was generated and archived.
 *
 * @param reportId report id
 * @param generatedAt when it was generated
 * @param trigger {@code scheduled} or {@code on-demand}
 * @param benchmark benchmark and version evaluated
 * @param summary counts and scores
 * @param bucket the S3 bucket holding the archived objects
 * @param objects the archived formats with their keys and hashes
 * @param sha256 SHA-256 of this report's JSON object
 * @param previousSha256 SHA-256 of the previous report's JSON object, absent for the first report (the hash chain)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportPublished(String reportId, Instant generatedAt, String trigger, String benchmark,
        Summary summary, String bucket, List<ArchivedObject> objects, String sha256, @Nullable String previousSha256)
        implements EventData {

    public ReportPublished {
        objects = List.copyOf(objects);
    }

    @Override
    public String subject() {
        return reportId;
    }

    /**
     * What the report found.
     *
     * @param hosts hosts evaluated
     * @param containers containers evaluated
     * @param findingsByStatus counts by status: open, waived, resolved since the previous report
     * @param failuresBySeverity failing (open) results by severity
     * @param scorePercent fleet score: passed scored checks over scored checks, in percent
     * @param level1ScorePercent the same over level 1 checks
     * @param level2ScorePercent the same over level 2 checks
     * @param waiversInForce number of waivers covering failures
     */
    public record Summary(int hosts, int containers, Map<String, Integer> findingsByStatus,
            Map<String, Integer> failuresBySeverity, double scorePercent, double level1ScorePercent,
            double level2ScorePercent, int waiversInForce) {

        public Summary {
            findingsByStatus = Map.copyOf(findingsByStatus);
            failuresBySeverity = Map.copyOf(failuresBySeverity);
        }
    }

    /**
     * One archived format of the report.
     *
     * @param format json, csv, html or sarif
     * @param key the object key
     * @param sha256 the object's SHA-256, hex
     * @param sizeBytes the object's size
     */
    public record ArchivedObject(String format, String key, String sha256, long sizeBytes) {
    }
}
