package io.dockwarden.notification;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.codec.Envelope;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.report.ReportPublished;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small factories of contract events for tests. */
public final class Events {

    private Events() {
    }

    public static FindingOpened findingOpened(String host, String container, String check, Severity severity,
            Instant at) {
        return new FindingOpened(host + "/" + container + "/" + check, host, container, "web-" + container,
                "nginx:1.27", check, "CIS Docker Benchmark v1.6.0", "Ensure sensitive host system directories are"
                        + " not mounted on containers", severity, 1, true,
                List.of(new Evidence("HostConfig.Binds", "/etc:/host-etc", "no sensitive host directory")),
                "Do not mount sensitive host directories.", at, "failed");
    }

    public static FindingResolved findingResolved(String host, String container, String check, Severity severity,
            Instant at) {
        return new FindingResolved(host + "/" + container + "/" + check, host, container, "web-" + container, check,
                "CIS Docker Benchmark v1.6.0", "Ensure sensitive host system directories are not mounted on"
                        + " containers", severity, at, "passed");
    }

    public static BackupFailed backupFailed(String host, String volume, Instant at) {
        return new BackupFailed("backup-" + UUID.randomUUID(), null, host, volume, at, "upload", "S3 unreachable",
                true);
    }

    public static BackupCompleted backupCompleted(String host, String volume, Instant at) {
        String sha = "a".repeat(64);
        return new BackupCompleted("backup-" + UUID.randomUUID(), null, host, volume, at.minusSeconds(10), at, 10_000,
                12, 4096, 1024, 409, sha, sha, "backups", "volumes/" + volume + "/data", "volumes/" + volume
                        + "/manifest", "zstd", "none", null);
    }

    public static ReportPublished report(String id, Instant at, double score, int open, String bucket,
            List<ReportPublished.ArchivedObject> objects) {
        return new ReportPublished(id, at, "scheduled", "CIS Docker Benchmark v1.6.0",
                new ReportPublished.Summary(2, 10, Map.of("open", open, "waived", 1, "resolved", 2),
                        Map.of("critical", 1, "high", 3, "medium", 5, "low", 0, "info", 0), score, score, score, 1),
                bucket, objects, "b".repeat(64), null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Envelope<? extends EventData> envelope(EventData data, Instant time) {
        return new Envelope(UUID.randomUUID().toString(), "/dockwarden/test", EventCatalog.of(data), time,
                data.subject(), data);
    }
}
