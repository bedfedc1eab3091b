package io.dockwarden.notification.templates;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.alerts.AlertStatus;
import io.dockwarden.notification.delivery.Notification;
import io.dockwarden.notification.digests.ArchiveLink;
import io.dockwarden.notification.digests.Digest;
import io.dockwarden.notification.digests.FindingChange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What templates can read. Alerts: {@code receiver}, {@code status}, {@code title}, {@code groupKey},
 * {@code groupLabels}, {@code commonLabels} (lists of {@code name}/{@code value}), {@code alerts},
 * {@code firingAlerts}, {@code resolvedAlerts} (each with {@code status}, {@code severity}, {@code title},
 * {@code summary}, {@code summaryLines}, {@code labels}, {@code links}, {@code fingerprint}, {@code startsAt},
 * {@code endsAt}), {@code firingCount}, {@code resolvedCount}. Digests: {@code digest} with the report's figures,
 * {@code changes}, {@code links} and {@code filters}. Lists expose jmustache's {@code -first} and {@code -last}.
 */
public final class TemplateModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private TemplateModel() {
    }

    public static Map<String, Object> of(Notification notification, List<Alert> alerts, String deliveryId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("receiver", notification.receiver());
        model.put("deliveryId", deliveryId);
        model.put("groupKey", notification.groupKey());
        model.put("createdAt", TIME.format(notification.createdAt()));
        Digest digest = notification.digest();
        if (digest != null) {
            model.put("status", "digest");
            model.put("isDigest", true);
            model.put("title", digestTitle(digest));
            model.put("digest", digest(digest));
            return model;
        }
        boolean firing = alerts.stream().anyMatch(alert -> alert.status() == AlertStatus.FIRING);
        List<Map<String, Object>> all = alerts.stream().map(TemplateModel::alert).toList();
        List<Map<String, Object>> firingAlerts = new ArrayList<>();
        List<Map<String, Object>> resolvedAlerts = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            (alerts.get(i).status() == AlertStatus.FIRING ? firingAlerts : resolvedAlerts).add(all.get(i));
        }
        model.put("status", firing ? "firing" : "resolved");
        model.put("firing", firing);
        model.put("isDigest", false);
        model.put("alerts", all);
        model.put("firingAlerts", firingAlerts);
        model.put("resolvedAlerts", resolvedAlerts);
        model.put("firingCount", firingAlerts.size());
        model.put("resolvedCount", resolvedAlerts.size());
        model.put("alertCount", alerts.size());
        model.put("groupLabels", pairs(notification.groupLabels()));
        Map<String, String> common = commonLabels(alerts);
        model.put("commonLabels", pairs(common));
        model.put("title", alertTitle(firing, firingAlerts.size(), resolvedAlerts.size(), notification, alerts));
        return model;
    }

    /** Alertmanager's habit: {@code [FIRING:3] values of the group labels}, or the only alert's own title. */
    static String alertTitle(boolean firing, int firingCount, int resolvedCount, Notification notification,
            List<Alert> alerts) {
        String prefix = firing ? "[FIRING:" + firingCount + "] " : "[RESOLVED:" + resolvedCount + "] ";
        if (alerts.size() == 1) {
            return prefix + alerts.get(0).title();
        }
        String labels = String.join(" ", notification.groupLabels().values());
        return prefix + (labels.isEmpty() ? alerts.size() + " alerts" : labels + " (" + alerts.size() + " alerts)");
    }

    static String digestTitle(Digest digest) {
        return "Compliance report " + digest.reportId() + ": score " + format(digest.scorePercent()) + "%"
                + (digest.scoreChange() == null ? "" : " (" + signed(digest.scoreChange()) + ")") + ", "
                + digest.openFindings() + " open findings";
    }

    private static Map<String, Object> alert(Alert alert) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", alert.status().wireName());
        model.put("firing", alert.status() == AlertStatus.FIRING);
        model.put("severity", alert.severity().wireName());
        model.put("title", alert.title());
        model.put("summary", alert.summary());
        model.put("summaryLines", List.of(alert.summary().split("\n")));
        model.put("labels", pairs(alert.labels()));
        model.put("links", alert.links());
        model.put("fingerprint", alert.fingerprint());
        model.put("sourceEventId", alert.sourceEventId());
        model.put("startsAt", TIME.format(alert.startsAt()));
        model.put("endsAt", alert.endsAt() == null ? "" : TIME.format(alert.endsAt()));
        return model;
    }

    private static Map<String, Object> digest(Digest digest) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("subscription", digest.subscription());
        model.put("reportId", digest.reportId());
        model.put("generatedAt", TIME.format(digest.generatedAt()));
        model.put("benchmark", digest.benchmark());
        model.put("hosts", digest.hosts());
        model.put("containers", digest.containers());
        model.put("scorePercent", format(digest.scorePercent()));
        model.put("scoreChange", digest.scoreChange() == null ? "" : signed(digest.scoreChange()));
        model.put("openFindings", digest.openFindings());
        model.put("openChange", digest.openChange() == null ? "" : signed(digest.openChange()));
        model.put("waiversInForce", digest.waiversInForce());
        model.put("filters", digest.filters());
        List<Map<String, Object>> failures = new ArrayList<>();
        digest.failuresBySeverity().forEach((severity, count) -> failures.add(Map.of("severity", severity,
                "count", count)));
        model.put("failuresBySeverity", failures);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FindingChange change : digest.changes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("change", change.change());
            item.put("severity", change.severity().wireName());
            item.put("host", change.hostId());
            item.put("container", change.container() == null ? "host" : change.container());
            item.put("check", change.checkId());
            item.put("title", change.title());
            item.put("at", TIME.format(change.at()));
            changes.add(item);
        }
        model.put("changes", changes);
        model.put("hasChanges", !changes.isEmpty());
        model.put("omittedChanges", digest.omittedChanges() > 0 ? digest.omittedChanges() : "");
        List<Map<String, Object>> links = new ArrayList<>();
        for (ArchiveLink link : digest.links()) {
            links.add(Map.of("format", link.format().toUpperCase(Locale.ROOT), "url", link.url(),
                    "expiresAt", TIME.format(link.expiresAt()), "sha256", link.sha256()));
        }
        model.put("links", links);
        model.put("hasLinks", !links.isEmpty());
        return model;
    }

    private static Map<String, String> commonLabels(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new java.util.TreeMap<>(alerts.get(0).labels());
        for (Alert alert : alerts) {
            common.entrySet().removeIf(label -> !label.getValue().equals(alert.labels().get(label.getKey())));
        }
        return common;
    }

    private static List<Map<String, String>> pairs(Map<String, String> labels) {
        List<Map<String, String>> pairs = new ArrayList<>();
        new java.util.TreeMap<>(labels).forEach((name, value) -> pairs.add(Map.of("name", name, "value", value)));
        return pairs;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + format(value);
    }

    private static String signed(int value) {
        return (value >= 0 ? "+" : "") + value;
    }
}
