package io.dockwarden.notification.digests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A report digest for one subscription: the summary, the changes since the previous report, and links.
 *
 * @param subscription the subscription's name
 * @param reportId the report
 * @param generatedAt when it was generated
 * @param benchmark the benchmark evaluated
 * @param hosts hosts evaluated
 * @param containers containers evaluated
 * @param scorePercent the fleet score
 * @param scoreChange the score minus the previous report's, absent for the first report
 * @param openFindings open findings in the report
 * @param openChange open findings minus the previous report's, absent for the first report
 * @param waiversInForce waivers covering failures
 * @param failuresBySeverity open failures by severity, at or above the subscription's minimum
 * @param changes findings that opened, resolved or were waived since the previous report and that the
 *     subscription's filters cover, most urgent first
 * @param omittedChanges changes beyond the list's limit
 * @param links time-limited links to the archived HTML, CSV and SARIF
 * @param filters the subscription's filters, for the reader
 */
public record Digest(String subscription, String reportId, Instant generatedAt, String benchmark, int hosts,
        int containers, double scorePercent, @Nullable Double scoreChange, int openFindings,
        @Nullable Integer openChange, int waiversInForce, Map<String, Integer> failuresBySeverity,
        List<FindingChange> changes, int omittedChanges, List<ArchiveLink> links, String filters) {

    public Digest {
        failuresBySeverity = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failuresBySeverity));
        changes = List.copyOf(changes);
        links = List.copyOf(links);
    }
}
