package io.dockwarden.notification.digests;

import io.dockwarden.events.report.ReportPublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What digests need to remember between reports: the latest change of each finding since the last report, the last
 * report itself (for the changes of the summary), and which reports were digested already (so that a redelivered
 * report sends nothing new). Thread-safe; every change is stored before it counts.
 */
public final class DigestLedger {

    /** Durable storage of the ledger. */
    public interface Repository {
        void saveChange(FindingChange change);

        void deleteChange(String findingId);

        void saveLastReport(ReportPublished report);

        void markDigested(String reportId, Instant at);
    }

    private final Repository repository;
    private final Map<String, FindingChange> changes = new LinkedHashMap<>();
    private final Set<String> digested = new HashSet<>();
    private @Nullable ReportPublished lastReport;

    public DigestLedger(Repository repository) {
        this.repository = repository;
    }

    /** Takes back the stored state after a restart. */
    public synchronized void restore(List<FindingChange> storedChanges, @Nullable ReportPublished storedLastReport,
            Set<String> digestedReports) {
        storedChanges.forEach(change -> changes.put(change.findingId(), change));
        lastReport = storedLastReport;
        digested.addAll(digestedReports);
    }

    public synchronized void record(FindingChange change) {
        FindingChange known = changes.get(change.findingId());
        if (known != null && known.at().isAfter(change.at())) {
            return;
        }
        repository.saveChange(change);
        changes.put(change.findingId(), change);
    }

    public synchronized List<FindingChange> changes() {
        return new ArrayList<>(changes.values());
    }

    public synchronized @Nullable ReportPublished lastReport() {
        return lastReport;
    }

    public synchronized boolean digested(String reportId) {
        return digested.contains(reportId);
    }

    /** The report's digests were handed on: it becomes the last report, and the changes it covered are cleared. */
    public synchronized void digestedReport(ReportPublished report, Instant now) {
        repository.markDigested(report.reportId(), now);
        digested.add(report.reportId());
        if (lastReport == null || !report.generatedAt().isBefore(lastReport.generatedAt())) {
            repository.saveLastReport(report);
            lastReport = report;
            for (FindingChange change : List.copyOf(changes.values())) {
                if (!change.at().isAfter(report.generatedAt())) {
                    repository.deleteChange(change.findingId());
                    changes.remove(change.findingId());
                }
            }
        }
    }
}
