package io.dockwarden.compliance.reports;

import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Waiver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row per finding (open, waived, and resolved since the previous report), RFC 4180 quoting, UTF-8. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe: container names and labels come from users.
 */
public final class CsvReportFormat implements ReportFormat {

    static final List<String> COLUMNS = List.of("report_id", "finding_id", "status", "severity", "check_id",
            "benchmark", "title", "level", "scored", "host_id", "container_id", "container_name", "image", "evidence",
            "opened_at", "changed_at", "resolution", "waiver_source", "waiver_reference", "waiver_justification",
            "waiver_expires_at", "waiver_approved_by", "remediation");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String fileName() {
        return "report.csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public byte[] render(Report report) {
        StringBuilder csv = new StringBuilder(256 + report.findings().size() * 400);
        row(csv, COLUMNS);
        for (ReportFinding item : report.findings()) {
            Finding finding = item.finding();
            Waiver waiver = finding.waiver();
            List<String> evidence = new ArrayList<>();
            for (Evidence fact : finding.evidence()) {
                evidence.add(fact.field() + "=" + fact.actual() + " (expected " + fact.expected() + ")");
            }
            row(csv, List.of(report.reportId(), finding.findingId(), finding.status().wireName(),
                    finding.severity().wireName(), finding.checkId(), finding.benchmark(), finding.title(),
                    String.valueOf(finding.level()), String.valueOf(finding.scored()), item.hostId(),
                    text(item.containerId()), text(item.containerName()), text(item.image()),
                    String.join("; ", evidence), time(finding.openedAt()), time(finding.changedAt()),
                    text(finding.resolution()), waiver == null ? "" : waiver.source(),
                    waiver == null ? "" : waiver.reference(), waiver == null ? "" : waiver.justification(),
                    waiver == null ? "" : time(waiver.expiresAt()), waiver == null ? "" : text(waiver.approvedBy()),
                    finding.remediation()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
