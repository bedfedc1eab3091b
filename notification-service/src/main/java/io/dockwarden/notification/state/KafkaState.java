package io.dockwarden.notification.state;

import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.digests.DigestLedger;
import io.dockwarden.notification.digests.FindingChange;
import io.dockwarden.notification.grouping.NotificationLogEntry;
import io.dockwarden.notification.grouping.Ports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's state on its compacted state topic: alerts ({@code alert/<fingerprint>}), the notification log
 * ({@code nflog/<receiver>|<group>}), finding changes since the last report ({@code change/<findingId>}), the last
 * report ({@code report/last}) and digested reports ({@code digested/<reportId>}).
 */
public final class KafkaState implements Ports.AlertRepository, Ports.NotificationLogRepository,
        DigestLedger.Repository {

    private static final Logger log = LoggerFactory.getLogger(KafkaState.class);
    private static final String ALERT = "alert/";
    private static final String NFLOG = "nflog/";
    private static final String CHANGE = "change/";
    private static final String LAST_REPORT = "report/last";
    private static final String DIGESTED = "digested/";

    private final CompactedTopic topic;

    public KafkaState(CompactedTopic topic) {
        this.topic = topic;
    }

    /**
     * Everything stored, as read at start.
     *
     * @param alerts alerts
     * @param notificationLog notification log entries
     * @param changes finding changes since the last report
     * @param lastReport the last report digested
     * @param digestedReports ids of digested reports
     */
    public record Snapshot(List<Alert> alerts, List<NotificationLogEntry> notificationLog,
            List<FindingChange> changes, @Nullable ReportPublished lastReport, Set<String> digestedReports) {
    }

    /**
     * A marker that a report's digests were handed on.
     *
     * @param reportId the report
     * @param at when
     */
    record Digested(String reportId, Instant at) {
    }

    public Snapshot load() {
        List<Alert> alerts = new ArrayList<>();
        List<NotificationLogEntry> entries = new ArrayList<>();
        List<FindingChange> changes = new ArrayList<>();
        Set<String> digested = new HashSet<>();
        ReportPublished lastReport = null;
        for (Map.Entry<String, byte[]> entry : topic.readAll().entrySet()) {
            String key = entry.getKey();
            try {
                if (key.startsWith(ALERT)) {
                    alerts.add(StateJson.read(entry.getValue(), Alert.class));
                } else if (key.startsWith(NFLOG)) {
                    entries.add(StateJson.read(entry.getValue(), NotificationLogEntry.class));
                } else if (key.startsWith(CHANGE)) {
                    changes.add(StateJson.read(entry.getValue(), FindingChange.class));
                } else if (key.equals(LAST_REPORT)) {
                    lastReport = StateJson.read(entry.getValue(), ReportPublished.class);
                } else if (key.startsWith(DIGESTED)) {
                    digested.add(key.substring(DIGESTED.length()));
                }
            } catch (RuntimeException e) {
                // A record this version cannot read is skipped rather than keeping the service from starting.
                log.warn("Skipping unreadable state record {}: {}", key, e.toString());
            }
        }
        return new Snapshot(alerts, entries, changes, lastReport, digested);
    }

    @Override
    public void save(Alert alert) {
        topic.put(ALERT + alert.fingerprint(), StateJson.write(alert));
    }

    @Override
    public void delete(String fingerprint) {
        topic.delete(ALERT + fingerprint);
    }

    @Override
    public void deleteEntry(String key) {
        topic.delete(NFLOG + key);
    }

    @Override
    public void save(NotificationLogEntry entry) {
        topic.put(NFLOG + entry.key(), StateJson.write(entry));
    }

    @Override
    public void saveChange(FindingChange change) {
        topic.put(CHANGE + change.findingId(), StateJson.write(change));
    }

    @Override
    public void deleteChange(String findingId) {
        topic.delete(CHANGE + findingId);
    }

    @Override
    public void saveLastReport(ReportPublished report) {
        topic.put(LAST_REPORT, StateJson.write(report));
    }

    @Override
    public void markDigested(String reportId, Instant at) {
        topic.put(DIGESTED + reportId, StateJson.write(new Digested(reportId, at)));
    }
}
