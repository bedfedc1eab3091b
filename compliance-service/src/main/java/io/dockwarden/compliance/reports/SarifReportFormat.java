package io.dockwarden.compliance.reports;

import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.compliance.findings.FindingStatus;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.finding.Waiver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools: one rule per check, one result per open or waived finding. Containers are
 * logical locations ({@code <host>/<container>}); waived findings carry an accepted external suppression with the
 * justification; the finding id is the partial fingerprint, so tools track a finding across reports.
 */
public final class SarifReportFormat implements ReportFormat {

    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String FINGERPRINT = "dockwardenFindingId/v1";

    private final String toolVersion;

    public SarifReportFormat(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public String fileName() {
        return "report.sarif";
    }

    @Override
    public String contentType() {
        return "application/sarif+json";
    }

    @Override
    public byte[] render(Report report) {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (CheckDescription check : report.checks()) {
            ruleIndex.put(check.id(), rules.size());
            rules.add(rule(check));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (ReportFinding item : report.findings()) {
            Finding finding = item.finding();
            if (!finding.status().active()) {
                continue;
            }
            Integer index = ruleIndex.get(finding.checkId());
            if (index == null) {
                // A finding of a check removed since: describe it on the fly so the result still has a rule.
                index = rules.size();
                ruleIndex.put(finding.checkId(), index);
                rules.add(Map.of("id", finding.checkId(), "shortDescription", Map.of("text", finding.title())));
            }
            results.add(result(item, index));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "Dockwarden");
        driver.put("fullName", "Dockwarden compliance service");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://dockwarden.io");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", "dockwarden-compliance/" + report.reportId()));
        run.put("invocations", List.of(Map.of("executionSuccessful", true,
                "endTimeUtc", report.generatedAt().toString())));
        run.put("results", results);
        run.put("properties", Map.of("benchmark", report.benchmark(), "trigger", report.trigger(),
                "scorePercent", report.summary().scorePercent()));
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return JsonReportFormat.MAPPER.writeValueAsBytes(log);
    }

    private static Map<String, Object> rule(CheckDescription check) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", check.id());
        rule.put("name", "CheckId" + check.id().replaceAll("[^A-Za-z0-9]", "_"));
        rule.put("shortDescription", Map.of("text", check.title()));
        rule.put("fullDescription", Map.of("text", check.description()));
        rule.put("help", Map.of("text", check.remediation(), "markdown", "**Remediation:** " + check.remediation()
                + (check.rationale().isEmpty() ? "" : "\n\n**Rationale:** " + check.rationale())));
        rule.put("defaultConfiguration", Map.of("level", level(check.severity())));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tags", List.of("security", "compliance", check.benchmark(), "level-" + check.level()));
        properties.put("security-severity", securitySeverity(check.severity()));
        properties.put("benchmark", check.benchmark());
        properties.put("level", check.level());
        properties.put("scored", check.scored());
        properties.put("target", check.target());
        rule.put("properties", properties);
        return rule;
    }

    private static Map<String, Object> result(ReportFinding item, int ruleIndex) {
        Finding finding = item.finding();
        List<String> facts = new ArrayList<>();
        for (Evidence evidence : finding.evidence()) {
            facts.add(evidence.field() + " is " + evidence.actual() + " (expected " + evidence.expected() + ")");
        }
        String where = item.containerName() == null ? "engine " + item.hostId()
                : "container " + item.containerName() + " on " + item.hostId();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", finding.checkId());
        result.put("ruleIndex", ruleIndex);
        result.put("kind", "fail");
        result.put("level", level(finding.severity()));
        result.put("message", Map.of("text", finding.title() + " - " + where + ": " + String.join("; ", facts)));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("name", item.containerName() == null ? item.hostId() : item.containerName());
        location.put("fullyQualifiedName", item.hostId() + (item.containerName() == null ? ""
                : "/" + item.containerName()));
        location.put("kind", "resource");
        result.put("locations", List.of(Map.of("logicalLocations", List.of(location))));
        result.put("partialFingerprints", Map.of(FINGERPRINT, finding.findingId()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("hostId", item.hostId());
        if (item.containerId() != null) {
            properties.put("containerId", item.containerId());
        }
        if (item.image() != null) {
            properties.put("image", item.image());
        }
        properties.put("severity", finding.severity().wireName());
        properties.put("openedAt", finding.openedAt().toString());
        properties.put("evidence", finding.evidence());
        result.put("properties", properties);
        Waiver waiver = finding.waiver();
        if (finding.status() == FindingStatus.WAIVED && waiver != null) {
            Map<String, Object> suppression = new LinkedHashMap<>();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", waiver.justification());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", waiver.source());
            details.put("reference", waiver.reference());
            if (waiver.expiresAt() != null) {
                details.put("expiresAt", waiver.expiresAt().toString());
            }
            if (waiver.approvedBy() != null) {
                details.put("approvedBy", waiver.approvedBy());
            }
            suppression.put("properties", details);
            result.put("suppressions", List.of(suppression));
        }
        return result;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning reads 9.0+ as critical, 7.0+ high, 4.0+ medium, above 0 low. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.5";
        };
    }
}
