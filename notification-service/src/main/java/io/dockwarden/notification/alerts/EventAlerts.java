package io.dockwarden.notification.alerts;

import io.dockwarden.events.EventData;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupEvent;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreFailed;
import io.dockwarden.events.codec.Envelope;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.FindingEvent;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.report.ReportPublished;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns every consumed event into an alert (or a digest request for a report). Findings fire when opened and resolve
 * when resolved or waived; a failed backup of a volume fires until the next completed backup of that volume; failed
 * verifications and restores likewise. Any other event becomes an informational alert that resolves by itself after
 * the resolve timeout, as Alertmanager treats alerts that nothing resolves.
 */
public final class EventAlerts {

    public static final String ALERTNAME = "alertname";
    public static final String TYPE = "type";
    public static final String SEVERITY = "severity";
    public static final String HOST = "host";
    public static final String CONTAINER = "container";
    public static final String CONTAINER_NAME = "container_name";
    public static final String IMAGE = "image";
    public static final String CHECK = "check";
    public static final String BENCHMARK = "benchmark";
    public static final String LEVEL = "level";
    public static final String VOLUME = "volume";
    public static final String EVENT_TYPE = "event_type";
    public static final String SUBJECT = "subject";

    /** The identity of an alert: other labels describe it but do not make it a different alert. */
    private static final List<String> IDENTIFYING = List.of(ALERTNAME, HOST, CONTAINER, CHECK, VOLUME, SUBJECT);

    private final AlertLinks links;
    private final Duration resolveTimeout;

    public EventAlerts(AlertLinks links, Duration resolveTimeout) {
        this.links = links;
        this.resolveTimeout = resolveTimeout;
    }

    public Translation translate(Envelope<? extends EventData> envelope) {
        EventData data = envelope.data();
        if (data instanceof ReportPublished report) {
            return new Translation.ReportDigest(report, envelope.id(), envelope.time());
        }
        Alert alert;
        if (data instanceof FindingOpened opened) {
            alert = findingOpened(opened, envelope);
        } else if (data instanceof FindingResolved resolved) {
            alert = findingResolved(resolved, envelope);
        } else if (data instanceof FindingWaived waived) {
            alert = findingWaived(waived, envelope);
        } else if (data instanceof BackupFailed failed) {
            alert = backupFailed(failed, envelope);
        } else if (data instanceof BackupCompleted completed) {
            alert = backupCompleted(completed, envelope);
        } else if (data instanceof BackupVerified verified) {
            alert = backupVerified(verified, envelope);
        } else if (data instanceof RestoreFailed failed) {
            alert = restoreFailed(failed, envelope);
        } else if (data instanceof RestoreCompleted completed) {
            alert = restoreCompleted(completed, envelope);
        } else {
            alert = generic(envelope);
        }
        return new Translation.AlertUpdate(alert);
    }

    private Alert findingOpened(FindingOpened event, Envelope<?> envelope) {
        Map<String, String> labels = findingLabels(event, event.severity(), event.containerName());
        put(labels, IMAGE, event.image());
        labels.put(BENCHMARK, event.benchmark());
        labels.put(LEVEL, Integer.toString(event.level()));
        StringBuilder summary = new StringBuilder();
        summary.append(where(event, event.containerName())).append(" fails check ").append(event.checkId())
                .append(" of ").append(event.benchmark()).append(" (level ").append(event.level())
                .append(event.scored() ? ", scored" : ", not scored").append(")");
        if (!"failed".equals(event.reason())) {
            summary.append(" again: ").append(event.reason().replace('-', ' '));
        }
        summary.append('.');
        for (Evidence evidence : event.evidence()) {
            summary.append("\nEvidence: ").append(evidence.field()).append(" is ").append(evidence.actual())
                    .append(", expected ").append(evidence.expected());
        }
        summary.append("\nRemediation: ").append(event.remediation());
        return firing(labels, event.severity(), findingTitle(event, event.title(), event.containerName()),
                summary.toString(), envelope, event.openedAt());
    }

    private Alert findingResolved(FindingResolved event, Envelope<?> envelope) {
        Map<String, String> labels = findingLabels(event, event.severity(), event.containerName());
        labels.put(BENCHMARK, event.benchmark());
        String summary = where(event, event.containerName()) + " no longer fails check " + event.checkId() + ": "
                + event.reason().replace('-', ' ') + ".";
        return resolved(labels, event.severity(), findingTitle(event, event.title(), event.containerName()), summary,
                envelope, event.resolvedAt());
    }

    private Alert findingWaived(FindingWaived event, Envelope<?> envelope) {
        Map<String, String> labels = findingLabels(event, event.severity(), event.containerName());
        labels.put(BENCHMARK, event.benchmark());
        String summary = where(event, event.containerName()) + " fails check " + event.checkId()
                + " under a waiver (" + event.waiver().source() + " " + event.waiver().reference() + "): "
                + event.waiver().justification()
                + (event.waiver().expiresAt() == null ? "" : "; it expires " + event.waiver().expiresAt()) + ".";
        return resolved(labels, event.severity(), findingTitle(event, event.title(), event.containerName()), summary,
                envelope, event.waivedAt());
    }

    private Alert backupFailed(BackupFailed event, Envelope<?> envelope) {
        Map<String, String> labels = volumeLabels("BackupFailed", "backup", event, Severity.HIGH);
        String summary = "Backup " + event.backupId() + " of volume " + event.volumeName() + " on host "
                + event.hostId() + " failed at step " + event.step() + ": " + event.reason()
                + (event.retryable() ? " (a later attempt may succeed)" : " (will not succeed without a change)");
        return firing(labels, Severity.HIGH, "Backup of volume " + event.volumeName() + " on " + event.hostId()
                + " failed", summary, envelope, event.failedAt());
    }

    private Alert backupCompleted(BackupCompleted event, Envelope<?> envelope) {
        Map<String, String> labels = volumeLabels("BackupFailed", "backup", event, Severity.HIGH);
        String summary = "Backup " + event.backupId() + " of volume " + event.volumeName() + " on host "
                + event.hostId() + " completed: " + event.fileCount() + " files, " + event.storedBytes()
                + " bytes stored.";
        return resolved(labels, Severity.HIGH, "Backup of volume " + event.volumeName() + " on " + event.hostId()
                + " failed", summary, envelope, event.completedAt());
    }

    private Alert backupVerified(BackupVerified event, Envelope<?> envelope) {
        Map<String, String> labels = volumeLabels("BackupVerificationFailed", "backup-verification", event,
                Severity.HIGH);
        String title = "Verification of a backup of volume " + event.volumeName() + " on " + event.hostId()
                + " failed";
        if (event.ok()) {
            return resolved(labels, Severity.HIGH, title, "Backup " + event.backupId() + " verified: "
                    + event.filesCompared() + " entries match.", envelope, event.verifiedAt());
        }
        StringBuilder summary = new StringBuilder("Backup " + event.backupId() + " does not restore as recorded");
        summary.append(event.reason() == null ? "." : ": " + event.reason());
        event.mismatches().stream().limit(20).forEach(mismatch ->
                summary.append("\n").append(mismatch.path()).append(": ").append(mismatch.problem()));
        return firing(labels, Severity.HIGH, title, summary.toString(), envelope, event.verifiedAt());
    }

    private Alert restoreFailed(RestoreFailed event, Envelope<?> envelope) {
        Map<String, String> labels = volumeLabels("RestoreFailed", "restore", event, Severity.HIGH);
        String summary = "Restore " + event.restoreId() + " of backup " + event.backupId() + " into volume "
                + event.volumeName() + " (" + event.mode() + ") failed at step " + event.step() + ": "
                + event.reason();
        return firing(labels, Severity.HIGH, "Restore into volume " + event.volumeName() + " on " + event.hostId()
                + " failed", summary, envelope, event.failedAt());
    }

    private Alert restoreCompleted(RestoreCompleted event, Envelope<?> envelope) {
        Map<String, String> labels = volumeLabels("RestoreFailed", "restore", event, Severity.HIGH);
        return resolved(labels, Severity.HIGH, "Restore into volume " + event.volumeName() + " on " + event.hostId()
                + " failed", "Restore " + event.restoreId() + " of backup " + event.backupId() + " completed.",
                envelope, event.completedAt());
    }

    private Alert generic(Envelope<? extends EventData> envelope) {
        String type = envelope.type().type();
        // io.dockwarden.container.died.v1 -> container.died
        String name = type.startsWith("io.dockwarden.") ? type.substring("io.dockwarden.".length()) : type;
        name = name.replaceFirst("\\.v\\d+$", "");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ALERTNAME, name);
        labels.put(TYPE, name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
        labels.put(SEVERITY, Severity.INFO.wireName());
        labels.put(EVENT_TYPE, type);
        labels.put(SUBJECT, envelope.subject());
        if (envelope.data() instanceof ContainerEvent container) {
            labels.put(HOST, container.hostId());
            labels.put(CONTAINER, container.containerId());
            if (container.snapshot() != null) {
                put(labels, CONTAINER_NAME, container.snapshot().name());
                put(labels, IMAGE, container.snapshot().image().ref());
            }
        } else if (envelope.data() instanceof BackupEvent backup) {
            labels.put(HOST, backup.hostId());
            labels.put(VOLUME, backup.volumeName());
        }
        Instant time = envelope.time();
        return new Alert(fingerprint(labels), AlertStatus.FIRING, Severity.INFO, name + " " + envelope.subject(),
                "Event " + type + " about " + envelope.subject() + " at " + time + ".", labels,
                links.linksFor(labels), envelope.id(), time, null, time.plus(resolveTimeout), time);
    }

    private Map<String, String> findingLabels(FindingEvent event, Severity severity, @Nullable String containerName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ALERTNAME, "ComplianceFinding");
        labels.put(TYPE, "finding");
        labels.put(SEVERITY, severity.wireName());
        labels.put(HOST, event.hostId());
        labels.put(CONTAINER, event.containerId() == null ? "host" : event.containerId());
        put(labels, CONTAINER_NAME, containerName);
        labels.put(CHECK, event.checkId());
        return labels;
    }

    private static Map<String, String> volumeLabels(String alertname, String type, BackupEvent event,
            Severity severity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ALERTNAME, alertname);
        labels.put(TYPE, type);
        labels.put(SEVERITY, severity.wireName());
        labels.put(HOST, event.hostId());
        labels.put(VOLUME, event.volumeName());
        return labels;
    }

    private static String findingTitle(FindingEvent event, String checkTitle, @Nullable String containerName) {
        String target = event.containerId() == null ? "host " + event.hostId()
                : (containerName == null ? shortId(event.containerId()) : containerName) + " on " + event.hostId();
        return "CIS " + event.checkId() + " fails on " + target + ": " + checkTitle;
    }

    private static String where(FindingEvent event, @Nullable String containerName) {
        if (event.containerId() == null) {
            return "Host " + event.hostId();
        }
        return "Container " + (containerName == null ? shortId(event.containerId()) : containerName) + " ("
                + shortId(event.containerId()) + ") on host " + event.hostId();
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    private Alert firing(Map<String, String> labels, Severity severity, String title, String summary,
            Envelope<?> envelope, Instant startsAt) {
        return new Alert(fingerprint(labels), AlertStatus.FIRING, severity, title, summary, labels,
                links.linksFor(labels), envelope.id(), startsAt, null, null, envelope.time());
    }

    private Alert resolved(Map<String, String> labels, Severity severity, String title, String summary,
            Envelope<?> envelope, Instant endsAt) {
        // The start is unknown here; the dispatcher keeps the start of the alert it resolves.
        return new Alert(fingerprint(labels), AlertStatus.RESOLVED, severity, title, summary, labels,
                links.linksFor(labels), envelope.id(), endsAt, endsAt, null, envelope.time());
    }

    private static String fingerprint(Map<String, String> labels) {
        Map<String, String> identity = new LinkedHashMap<>();
        for (String name : IDENTIFYING) {
            String value = labels.get(name);
            if (value != null) {
                identity.put(name, value);
            }
        }
        return Fingerprints.of(identity);
    }

    private static void put(Map<String, String> labels, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            labels.put(name, value);
        }
    }
}
