package io.dockwarden.compliance.reports;

import static io.dockwarden.events.fixtures.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.compliance.findings.FindingStatus;
import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.events.finding.Waiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportFormatsTest {

    private final Report report = ReportBuilder.build("20260302T081530000Z-abcdef", T0, Report.SCHEDULED,
            withOneWaived(ReportFixtures.fleet()), ReportFixtures.CATALOGUE, null);

    /** Marks one open finding waived, as a central waiver would have. */
    private static List<SubjectState> withOneWaived(List<SubjectState> states) {
        List<SubjectState> result = new ArrayList<>();
        for (SubjectState state : states) {
            if ("c3".equals(state.containerId())) {
                Map<String, Finding> findings = new LinkedHashMap<>(state.findings());
                Finding finding = findings.get("5.13");
                findings.put("5.13", new Finding(finding.findingId(), finding.checkId(), finding.benchmark(),
                        finding.title(), FindingStatus.WAIVED, finding.severity(), finding.level(), finding.scored(),
                        finding.remediation(), finding.evidence(), new Waiver("central", "WVR-7",
                                "Cache on the root <script>alert(1)</script>", T0.plusSeconds(86400), "secops"),
                        finding.openedAt(), T0, null, 2));
                state = new SubjectState(state.key(), 2, state.hostId(), state.containerId(), state.containerName(),
                        state.image(), state.lastEventId(), state.lastEventTime(), state.container(), state.host(),
                        null, state.results(), findings, T0);
            }
            result.add(state);
        }
        return result;
    }

    @Test
    void jsonIsCompleteAndReadable() {
        JsonNode json = JsonReportFormat.MAPPER.readTree(new JsonReportFormat().render(report));
        assertThat(json.get("reportId").asString()).isEqualTo(report.reportId());
        assertThat(json.get("hosts")).hasSize(2);
        assertThat(json.get("checks")).hasSize(ReportFixtures.CATALOGUE.size());
        assertThat(json.get("waivers").get(0).get("justification").asString()).contains("<script>");
        assertThat(json.get("summary").get("findingsByStatus").get("waived").asInt()).isEqualTo(1);
    }

    @Test
    void csvHasOneRowPerFindingQuotedAndSafeForSpreadsheets() {
        String csv = new String(new CsvReportFormat().render(report), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("report_id,finding_id,status,severity,check_id");
        assertThat(lines).hasSize(report.findings().size() + 1);
        assertThat(csv).contains("\"evil,\"\"name\"\"\"");
        assertThat(CsvReportFormat.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvReportFormat.cell("-1")).isEqualTo("'-1");
        assertThat(csv).contains(",waived,").contains("WVR-7");
    }

    @Test
    void htmlIsSelfContainedWithAChartAndEscapesEverything() {
        String html = new String(new HtmlReportFormat().render(report), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<rect")
                .contains("Score by host").contains("Failing checks").contains("Remediation:")
                .contains("Waived findings").contains("WVR-7");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link");
        assertThat(html).contains("evil,&quot;name&quot;");
    }

    @Test
    void sarifFollowsTheTwoOneZeroShape() {
        JsonNode sarif = JsonReportFormat.MAPPER.readTree(new SarifReportFormat("1.0").render(report));
        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asString()).endsWith("sarif-schema-2.1.0.json");
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules).hasSize(ReportFixtures.CATALOGUE.size());
        Set<String> levels = Set.of("error", "warning", "note", "none");
        int suppressed = 0;
        for (JsonNode result : run.get("results")) {
            int index = result.get("ruleIndex").asInt();
            assertThat(rules.get(index).get("id").asString()).isEqualTo(result.get("ruleId").asString());
            assertThat(levels).contains(result.get("level").asString());
            assertThat(result.get("message").get("text").asString()).isNotBlank();
            assertThat(result.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName")
                    .asString()).isNotBlank();
            assertThat(result.get("partialFingerprints").get(SarifReportFormat.FINGERPRINT).asString()).hasSize(36);
            if (result.has("suppressions")) {
                suppressed++;
                JsonNode suppression = result.get("suppressions").get(0);
                assertThat(suppression.get("kind").asString()).isEqualTo("external");
                assertThat(suppression.get("status").asString()).isEqualTo("accepted");
                assertThat(suppression.get("justification").asString()).startsWith("Cache on the root");
            }
        }
        assertThat(run.get("results")).hasSize(report.findings().size());
        assertThat(suppressed).isEqualTo(1);
        for (JsonNode rule : rules) {
            double severity = Double.parseDouble(rule.get("properties").get("security-severity").asString());
            assertThat(severity).isBetween(0.1, 10.0);
        }
    }
}
