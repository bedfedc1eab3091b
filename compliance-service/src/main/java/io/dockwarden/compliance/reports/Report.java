package io.dockwarden.compliance.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.report.ReportPublished;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compliance report: every host and container with per-check verdicts, counts, scores, the findings and the
 * waivers in force. Its JSON is the complete form and the link of the hash chain.
 *
 * @param reportId report id, starting with its UTC time so that ids sort chronologically
 * @param generatedAt when it was generated
 * @param trigger scheduled or on-demand
 * @param benchmark the benchmark evaluated
 * @param previousReportId the previous report in the chain
 * @param previousSha256 SHA-256 of the previous report's JSON object: the hash chain
 * @param summary counts and scores, as the report published event carries them
 * @param scores the fleet's scores with passed and scored counts
 * @param hosts every host with its containers
 * @param findings open and waived findings, and those resolved since the previous report
 * @param waivers the waivers in force
 * @param checks the checks evaluated
 * @param artifacts the other formats of this report with their hashes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(String reportId, Instant generatedAt, String trigger, String benchmark,
        @Nullable String previousReportId, @Nullable String previousSha256, ReportPublished.Summary summary,
        Scores scores, List<HostReport> hosts, List<ReportFinding> findings, List<WaiverInForce> waivers,
        List<CheckDescription> checks, List<Artifact> artifacts) {

    public static final String SCHEDULED = "scheduled";
    public static final String ON_DEMAND = "on-demand";

    public Report {
        hosts = List.copyOf(hosts);
        findings = List.copyOf(findings);
        waivers = List.copyOf(waivers);
        checks = List.copyOf(checks);
        artifacts = List.copyOf(artifacts);
    }

    public Report withArtifacts(List<Artifact> archived) {
        return new Report(reportId, generatedAt, trigger, benchmark, previousReportId, previousSha256, summary, scores,
                hosts, findings, waivers, checks, archived);
    }
}
