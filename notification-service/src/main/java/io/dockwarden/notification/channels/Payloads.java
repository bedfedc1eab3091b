package io.dockwarden.notification.channels;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.alerts.AlertStatus;
import io.dockwarden.notification.delivery.Notification;
import io.dockwarden.notification.routing.ChannelConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pieces of payloads shared by the channels. */
final class Payloads {

    private Payloads() {
    }

    /** The alerts an integration gets: resolved ones only if it wants them. */
    static List<Alert> alertsFor(Notification notification, ChannelConfig config) {
        if (config.sendResolved()) {
            return notification.alerts();
        }
        return notification.alerts().stream().filter(alert -> alert.status() == AlertStatus.FIRING).toList();
    }

    static Map<String, Object> alert(Alert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", alert.status().wireName());
        json.put("labels", alert.labels());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("title", alert.title());
        annotations.put("summary", alert.summary());
        json.put("annotations", annotations);
        json.put("severity", alert.severity().wireName());
        json.put("startsAt", alert.startsAt().toString());
        json.put("endsAt", alert.endsAt() == null ? "0001-01-01T00:00:00Z" : alert.endsAt().toString());
        json.put("fingerprint", alert.fingerprint());
        json.put("sourceEventId", alert.sourceEventId());
        json.put("links", alert.links());
        return json;
    }

    static Map<String, String> commonLabels(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new TreeMap<>(alerts.get(0).labels());
        for (Alert alert : alerts) {
            common.entrySet().removeIf(label -> !label.getValue().equals(alert.labels().get(label.getKey())));
        }
        return common;
    }
}
