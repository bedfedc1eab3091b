package io.dockwarden.notification.digests;

import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.notification.routing.Subscription;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the digest of a report for a subscription. */
public final class Digests {

    /** Beyond this, a digest says how many more changes there are instead of listing them. */
    public static final int MAX_CHANGES = 100;

    private Digests() {
    }

    /**
     * @param subscription whose filters apply
     * @param report the report
     * @param previous the report before it, if any
     * @param changes the finding changes recorded since the previous report
     * @param links links to the archived formats
     */
    public static Digest build(Subscription subscription, ReportPublished report, @Nullable ReportPublished previous,
            List<FindingChange> changes, List<ArchiveLink> links) {
        ReportPublished.Summary summary = report.summary();
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            if (subscription.atLeast(severity)) {
                failures.put(severity.wireName(), summary.failuresBySeverity().getOrDefault(severity.wireName(), 0));
            }
        }
        List<FindingChange> covered = changes.stream()
                .filter(change -> !change.at().isAfter(report.generatedAt()))
                .filter(change -> subscription.covers(change.hostId(), change.checkId(), change.severity()))
                .sorted(Comparator.comparing(FindingChange::severity).thenComparing(FindingChange::hostId)
                        .thenComparing(FindingChange::checkId))
                .toList();
        int open = summary.findingsByStatus().getOrDefault("open", 0);
        Double scoreChange = previous == null ? null
                : round(summary.scorePercent() - previous.summary().scorePercent());
        Integer openChange = previous == null ? null
                : open - previous.summary().findingsByStatus().getOrDefault("open", 0);
        return new Digest(subscription.name(), report.reportId(), report.generatedAt(), report.benchmark(),
                summary.hosts(), summary.containers(), summary.scorePercent(), scoreChange, open, openChange,
                summary.waiversInForce(), failures, covered.stream().limit(MAX_CHANGES).toList(),
                Math.max(0, covered.size() - MAX_CHANGES), links, describe(subscription));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100d;
    }

    private static String describe(Subscription subscription) {
        StringBuilder text = new StringBuilder("severity " + subscription.minSeverity().wireName() + " and above");
        if (!subscription.hosts().isEmpty()) {
            text.append("; hosts ").append(String.join(", ", new java.util.TreeSet<>(subscription.hosts())));
        }
        if (!subscription.checks().isEmpty()) {
            text.append("; checks ").append(String.join(", ", new java.util.TreeSet<>(subscription.checks())));
        }
        return text.toString();
    }
}
