package io.dockwarden.notification.digests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.notification.Events;
import io.dockwarden.notification.routing.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void aDigestCarriesTheSummaryTheChangesWithinItsFiltersAndTheLinks() {
        ReportPublished previous = Events.report("r1", T0, 70.0, 10, "reports", List.of());
        ReportPublished report = Events.report("r2", T0.plusSeconds(3600), 75.5, 8, "reports", List.of());
        List<FindingChange> changes = List.of(
                change("host-1", "5.5", Severity.CRITICAL, "opened", T0.plusSeconds(60)),
                change("host-1", "4.1", Severity.LOW, "opened", T0.plusSeconds(60)),
                change("host-2", "5.5", Severity.HIGH, "resolved", T0.plusSeconds(60)),
                change("host-1", "5.9", Severity.HIGH, "resolved", T0.plusSeconds(7200)));
        ArchiveLink html = new ArchiveLink("html", "https://s3.example/r2.html?sig", T0, "c".repeat(64), 10);

        Digest digest = Digests.build(new Subscription("officers", "mail", Severity.HIGH, Set.of("host-1"), Set.of()),
                report, previous, changes, List.of(html));

        assertThat(digest.scorePercent()).isEqualTo(75.5);
        assertThat(digest.scoreChange()).isEqualTo(5.5);
        assertThat(digest.openChange()).isEqualTo(-2);
        assertThat(digest.failuresBySeverity()).containsOnlyKeys("critical", "high");
        assertThat(digest.changes()).extracting(FindingChange::checkId).containsExactly("5.5");
        assertThat(digest.links()).containsExactly(html);
        assertThat(digest.filters()).contains("high and above", "host-1");
    }

    @Test
    void theFirstReportHasNoChangeFiguresAndLongListsAreCut() {
        List<FindingChange> changes = new ArrayList<>();
        for (int i = 0; i < Digests.MAX_CHANGES + 5; i++) {
            changes.add(change("host-1", "c" + i, Severity.MEDIUM, "opened", T0));
        }

        Digest digest = Digests.build(new Subscription("all", "mail", Severity.INFO, Set.of(), Set.of()),
                Events.report("r1", T0.plusSeconds(1), 80, 3, "reports", List.of()), null, changes, List.of());

        assertThat(digest.scoreChange()).isNull();
        assertThat(digest.openChange()).isNull();
        assertThat(digest.changes()).hasSize(Digests.MAX_CHANGES);
        assertThat(digest.omittedChanges()).isEqualTo(5);
    }

    @Test
    void theLedgerClearsTheChangesAReportCovered() {
        List<String> deleted = new ArrayList<>();
        DigestLedger ledger = new DigestLedger(new DigestLedger.Repository() {
            @Override
            public void saveChange(FindingChange change) {
            }

            @Override
            public void deleteChange(String findingId) {
                deleted.add(findingId);
            }

            @Override
            public void saveLastReport(ReportPublished report) {
            }

            @Override
            public void markDigested(String reportId, Instant at) {
            }
        });
        ledger.record(change("host-1", "5.5", Severity.HIGH, "opened", T0));
        ledger.record(change("host-1", "5.6", Severity.HIGH, "opened", T0.plusSeconds(7200)));
        ReportPublished report = Events.report("r1", T0.plusSeconds(3600), 80, 3, "reports", List.of());

        ledger.digestedReport(report, T0.plusSeconds(3700));

        assertThat(deleted).containsExactly("host-1/c/5.5");
        assertThat(ledger.changes()).extracting(FindingChange::checkId).containsExactly("5.6");
        assertThat(ledger.lastReport()).isEqualTo(report);
        assertThat(ledger.digested("r1")).isTrue();
    }

    private static FindingChange change(String host, String check, Severity severity, String change, Instant at) {
        return new FindingChange(host + "/c/" + check, host, "web", check, "title " + check, severity, change, at);
    }
}
