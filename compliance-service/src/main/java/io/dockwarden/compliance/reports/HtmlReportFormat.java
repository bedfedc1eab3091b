package io.dockwarden.compliance.reports;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.compliance.findings.FindingStatus;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.finding.Waiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page for people: summary, an inline SVG chart of the score by host, the failing checks with
 * their remediation and the places they fail, the waived findings with justification, source and expiry. No script,
 * no external resource; every value is HTML-escaped.
 */
public final class HtmlReportFormat implements ReportFormat {

    static final int CHART_WIDTH = 720;
    static final int LABEL_WIDTH = 220;
    static final int BAR_WIDTH = 420;
    static final int ROW_HEIGHT = 28;

    private final Template template;

    public HtmlReportFormat() {
        try (InputStream in = HtmlReportFormat.class.getResourceAsStream("report.html.mustache")) {
            if (in == null) {
                throw new IllegalStateException("report.html.mustache is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                template = Mustache.compiler().escapeHTML(true).defaultValue("").compile(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public String contentType() {
        return "text/html; charset=utf-8";
    }

    @Override
    public byte[] render(Report report) {
        return template.execute(view(report)).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> view(Report report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reportId", report.reportId());
        view.put("generatedAt", report.generatedAt().toString());
        view.put("trigger", report.trigger());
        view.put("benchmark", report.benchmark());
        view.put("previousSha256", report.previousSha256() == null ? "none (first report of the chain)"
                : report.previousSha256());
        view.put("hosts", report.summary().hosts());
        view.put("containers", report.summary().containers());
        view.put("score", percent(report.scores().overall()));
        view.put("level1", percent(report.scores().level1()));
        view.put("level2", percent(report.scores().level2()));
        view.put("scoreClass", scoreClass(report.scores().overall().percent()));
        view.put("open", report.summary().findingsByStatus().getOrDefault("open", 0));
        view.put("waived", report.summary().findingsByStatus().getOrDefault("waived", 0));
        view.put("resolved", report.summary().findingsByStatus().getOrDefault("resolved", 0));
        List<Map<String, Object>> severities = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            severities.add(Map.of("name", severity.wireName(), "count",
                    report.summary().failuresBySeverity().getOrDefault(severity.wireName(), 0)));
        }
        view.put("severities", severities);
        view.put("chart", chart(report.hosts()));
        view.put("hostRows", hostRows(report.hosts()));
        view.put("failing", failing(report));
        view.put("hasFailing", !((List<?>) view.get("failing")).isEmpty());
        view.put("waivedFindings", waived(report));
        view.put("hasWaived", !((List<?>) view.get("waivedFindings")).isEmpty());
        view.put("waivers", report.waivers());
        view.put("hasWaivers", !report.waivers().isEmpty());
        view.put("containerRows", containerRows(report.hosts()));
        return view;
    }

    private static Map<String, Object> chart(List<HostReport> hosts) {
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostReport host = hosts.get(i);
            double percent = host.scores().overall().percent();
            int y = 10 + i * ROW_HEIGHT;
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("label", label(host));
            bar.put("labelY", y + 15);
            bar.put("x", LABEL_WIDTH);
            bar.put("y", y);
            bar.put("width", Math.round(BAR_WIDTH * percent / 100.0));
            bar.put("height", ROW_HEIGHT - 8);
            bar.put("valueX", LABEL_WIDTH + BAR_WIDTH + 10);
            bar.put("value", percent(host.scores().overall()));
            bar.put("color", color(percent));
            bars.add(bar);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("width", CHART_WIDTH);
        chart.put("height", Math.max(40, 20 + hosts.size() * ROW_HEIGHT));
        chart.put("bars", bars);
        chart.put("trackX", LABEL_WIDTH);
        chart.put("trackWidth", BAR_WIDTH);
        chart.put("empty", hosts.isEmpty());
        return chart;
    }

    private static List<Map<String, Object>> hostRows(List<HostReport> hosts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HostReport host : hosts) {
            rows.add(Map.of("hostId", host.hostId(), "name", host.name() == null ? "" : host.name(),
                    "engine", host.engineVersion() == null ? "not observed yet" : host.engineVersion(),
                    "containers", host.containers().size(), "score", percent(host.scores().overall()),
                    "level1", percent(host.scores().level1()), "level2", percent(host.scores().level2()),
                    "scoreClass", scoreClass(host.scores().overall().percent())));
        }
        return rows;
    }

    private static List<Map<String, Object>> containerRows(List<HostReport> hosts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HostReport host : hosts) {
            for (ContainerReport container : host.containers()) {
                long failing = container.checks().stream()
                        .filter(check -> check.status().equals(CheckVerdict.FAIL)).count();
                long waived = container.checks().stream()
                        .filter(check -> check.status().equals(CheckVerdict.WAIVED)).count();
                rows.add(Map.of("hostId", host.hostId(), "name", container.name(), "image", container.image(),
                        "status", container.status(), "score", percent(container.scores().overall()),
                        "failing", failing, "waived", waived,
                        "scoreClass", scoreClass(container.scores().overall().percent())));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> failing(Report report) {
        Map<String, Map<String, Object>> byCheck = new LinkedHashMap<>();
        for (ReportFinding item : report.findings()) {
            Finding finding = item.finding();
            if (finding.status() != FindingStatus.OPEN) {
                continue;
            }
            Map<String, Object> group = byCheck.computeIfAbsent(finding.checkId(), id -> {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("checkId", finding.checkId());
                created.put("title", finding.title());
                created.put("benchmark", finding.benchmark());
                created.put("severity", finding.severity().wireName());
                created.put("remediation", finding.remediation());
                created.put("places", new ArrayList<Map<String, Object>>());
                return created;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> places = (List<Map<String, Object>>) group.get("places");
            places.add(Map.of("where", where(item), "evidence", evidence(finding.evidence()),
                    "since", finding.openedAt().toString()));
            // The group shows the highest severity among its places.
            if (Severity.valueOf(((String) group.get("severity")).toUpperCase(Locale.ROOT))
                    .compareTo(finding.severity()) > 0) {
                group.put("severity", finding.severity().wireName());
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>(byCheck.values());
        for (Map<String, Object> group : groups) {
            group.put("count", ((List<?>) group.get("places")).size());
        }
        groups.sort((a, b) -> Severity.valueOf(((String) a.get("severity")).toUpperCase(Locale.ROOT))
                .compareTo(Severity.valueOf(((String) b.get("severity")).toUpperCase(Locale.ROOT))));
        return groups;
    }

    private static List<Map<String, Object>> waived(Report report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportFinding item : report.findings()) {
            Finding finding = item.finding();
            Waiver waiver = finding.waiver();
            if (finding.status() != FindingStatus.WAIVED || waiver == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("checkId", finding.checkId());
            row.put("title", finding.title());
            row.put("severity", finding.severity().wireName());
            row.put("where", where(item));
            row.put("source", waiver.source());
            row.put("reference", waiver.reference());
            row.put("justification", waiver.justification());
            row.put("expiresAt", waiver.expiresAt() == null ? "never" : waiver.expiresAt().toString());
            row.put("approvedBy", waiver.approvedBy() == null ? "" : waiver.approvedBy());
            rows.add(row);
        }
        return rows;
    }

    private static String where(ReportFinding item) {
        return item.containerName() == null ? item.hostId() + " (engine)" : item.hostId() + " / "
                + item.containerName() + (item.image() == null ? "" : " (" + item.image() + ")");
    }

    private static String evidence(List<Evidence> evidence) {
        List<String> facts = new ArrayList<>();
        for (Evidence fact : evidence) {
            facts.add(fact.field() + " = " + fact.actual() + " (expected " + fact.expected() + ")");
        }
        return String.join("; ", facts);
    }

    private static String label(HostReport host) {
        String label = host.name() == null || host.name().isEmpty() ? host.hostId() : host.name();
        return label.length() > 28 ? label.substring(0, 27) + "..." : label;
    }

    private static String percent(Score score) {
        return String.format(Locale.ROOT, "%.1f%%", score.percent());
    }

    private static String color(double percent) {
        return percent >= 90 ? "#2e7d32" : percent >= 70 ? "#f9a825" : "#c62828";
    }

    private static String scoreClass(double percent) {
        return percent >= 90 ? "good" : percent >= 70 ? "fair" : "poor";
    }
}
