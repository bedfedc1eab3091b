package io.dockwarden.notification.alerts;

import io.dockwarden.events.finding.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one consumed event means for people: an alert identified by its fingerprint, firing or resolved.
 *
 * @param fingerprint stable identity: the same identifying labels give the same fingerprint
 * @param status firing or resolved
 * @param severity how urgent
 * @param title one line
 * @param summary a few lines for people
 * @param labels what the alert is about (alertname, type, severity, host, container, image, check, volume, ...);
 *     routes, groups and silences match on them
 * @param links related URLs
 * @param sourceEventId the {@code ce_id} of the event it came from
 * @param startsAt when it started firing
 * @param endsAt when it resolved; present exactly when resolved
 * @param autoResolveAt when an alert that nothing will ever resolve counts as resolved (Alertmanager's
 *     {@code resolve_timeout}); absent for alerts that a later event resolves
 * @param updatedAt the time of the event that last changed it, to ignore older events arriving late
 */
public record Alert(String fingerprint, AlertStatus status, Severity severity, String title, String summary,
        Map<String, String> labels, List<String> links, String sourceEventId, Instant startsAt,
        @Nullable Instant endsAt, @Nullable Instant autoResolveAt, Instant updatedAt) {

    public Alert {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        links = List.copyOf(links);
        if (status == AlertStatus.RESOLVED && endsAt == null) {
            throw new IllegalArgumentException("a resolved alert needs endsAt");
        }
        if (status == AlertStatus.FIRING && endsAt != null) {
            throw new IllegalArgumentException("a firing alert has no endsAt");
        }
    }

    /** Whether it fires at this time: not resolved, and not past its automatic resolution. */
    public boolean firingAt(Instant now) {
        return status == AlertStatus.FIRING && (autoResolveAt == null || autoResolveAt.isAfter(now));
    }

    /** The alert as it stands at this time: an alert past its automatic resolution reads as resolved. */
    public Alert asOf(Instant now) {
        if (status == AlertStatus.FIRING && autoResolveAt != null && !autoResolveAt.isAfter(now)) {
            return new Alert(fingerprint, AlertStatus.RESOLVED, severity, title, summary, labels, links,
                    sourceEventId, startsAt, autoResolveAt, null, updatedAt);
        }
        return this;
    }

    /** A value of a label; an absent label reads as empty, as in Alertmanager. */
    public String label(String name) {
        return labels.getOrDefault(name, "");
    }
}
