package io.dockwarden.notification.delivery;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.alerts.AlertStatus;
import io.dockwarden.notification.digests.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one receiver is told at once: the alerts of one aggregation group, or one report digest.
 *
 * @param id its id; the delivery to each integration derives its own stable id from it
 * @param receiver the receiver's name
 * @param groupKey the aggregation group (route and group labels), or {@code digest/<subscription>}
 * @param groupLabels the labels the group shares by its route's {@code group_by}
 * @param alerts the alerts, firing first, for an alert notification
 * @param digest the digest, for a digest notification
 * @param createdAt when it was made
 * @param fallbackOf the delivery id it stands in for, when it goes to a fallback receiver
 */
public record Notification(String id, String receiver, String groupKey, Map<String, String> groupLabels,
        List<Alert> alerts, @Nullable Digest digest, Instant createdAt, @Nullable String fallbackOf) {

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty() && digest == null) {
            throw new IllegalArgumentException("a notification carries alerts or a digest");
        }
    }

    /** {@code firing} while any alert fires, else {@code resolved}; a digest reads as firing. */
    public AlertStatus status() {
        if (digest != null) {
            return AlertStatus.FIRING;
        }
        return alerts.stream().anyMatch(alert -> alert.status() == AlertStatus.FIRING) ? AlertStatus.FIRING
                : AlertStatus.RESOLVED;
    }

    public boolean onlyResolved() {
        return digest == null && status() == AlertStatus.RESOLVED;
    }

    /** What the delivery events list as its alerts: the fingerprints, or {@code report/<id>} for a digest. */
    public List<String> fingerprints() {
        if (digest != null) {
            return List.of("report/" + digest.reportId());
        }
        return alerts.stream().map(Alert::fingerprint).toList();
    }

    public Notification forFallback(String fallbackReceiver, String failedDeliveryId) {
        return new Notification(id + "~" + fallbackReceiver, fallbackReceiver, groupKey, groupLabels, alerts, digest,
                createdAt, failedDeliveryId);
    }
}
