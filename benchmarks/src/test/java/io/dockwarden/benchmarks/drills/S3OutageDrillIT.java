package io.dockwarden.benchmarks.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.benchmarks.backup.BackupClient;
import io.dockwarden.benchmarks.backup.VolumeContent;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.Topics;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * S3 outage: the S3 server stops for a while in the middle of the multipart upload of a 256 MiB volume's backup, then
 * comes back. Counts the outcome (retried and completed, or failed), multipart uploads left open, and partial
 * backups in the bucket (objects without a manifest, manifests without their archive); goal: no orphans, no partial
 * backup, and a completed backup that verifies.
 */
@RequiresDocker
class S3OutageDrillIT {

    private static final long VOLUME_BYTES = Long.getLong("drill.s3-outage.bytes", 256L * 1024 * 1024);
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("drill.s3-outage.seconds", 20));
    private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(20);
    /** The service sweeps leftovers every minute by default; give it one sweep after the outcome. */
    private static final Duration SWEEP = Duration.ofSeconds(75);

    @Test
    void leavesNoOrphanUploadsNorPartialBackupsAfterAnOutageMidUpload() throws Exception {
        DrillReport report = new DrillReport("s3-outage", "Drill: S3 outage during a backup")
                .setting("volume", VOLUME_BYTES / (1024 * 1024) + " MiB, half random")
                .setting("outage", OUTAGE.toSeconds() + "s, S3 server stopped once the multipart upload is open");
        report.run(() -> {
            String volume = "dw-drill-s3-" + UUID.randomUUID().toString().substring(0, 8);
            DockerEngine engine = DockerEngine.local();
            try (BenchStack stack = BenchStack.create(DrillReport.home(), report.logs())) {
                engine.createVolume(volume, Map.of());
                new VolumeContent(VOLUME_BYTES, 0.5, 7).writeTo(Path.of(engine.client().inspectVolumeCmd(volume).exec()
                        .getMountpoint()));
                S3Server s3 = stack.s3();
                RunningService service = stack.start(stack.services(Map.of()).backup(FreePorts.next()),
                        List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
                BackupClient client = new BackupClient(service.actuator());
                String drill = report.name();
                try (TopicProbe events = stack.kafka().probe(Topics.BACKUP_EVENTS)) {
                    String backupId = client.requestBackup(volume);
                    boolean uploading = awaitOpenUpload(s3, Duration.ofMinutes(10));
                    report.expect("multipart upload open when S3 stopped", uploading ? 1 : 0, "uploads", 1);
                    s3.stop();
                    Thread.sleep(OUTAGE.toMillis());
                    s3.start();
                    Optional<BackupClient.Outcome> outcome = BackupClient.awaitOutcome(events, backupId,
                            OPERATION_TIMEOUT);
                    assertThat(outcome).as("an outcome of backup " + backupId).isPresent();
                    boolean completed = outcome.get().event() instanceof BackupCompleted;
                    report.add(Figure.of(drill, "backup completed after retrying", completed ? 1 : 0, "backups")
                            .note(completed ? "completed" : "failed: "
                                    + ((BackupFailed) outcome.get().event()).reason()));
                    Thread.sleep(SWEEP.toMillis());
                    report.add(Figure.of(drill, "multipart uploads left open", s3.incompleteUploads(
                            StackServices.BACKUPS_BUCKET).size(), "uploads").valueEquals(0));
                    List<String> keys = s3.objectKeys(StackServices.BACKUPS_BUCKET, "");
                    Partial partial = partialBackups(keys);
                    report.add(Figure.of(drill, "backup folders without a manifest", partial.withoutManifest(),
                                    "folders").valueEquals(0))
                            .add(Figure.of(drill, "manifests without their archive", partial.withoutArchive(),
                                    "manifests").valueEquals(0));
                    if (completed) {
                        boolean stored = keys.stream().anyMatch(key -> key.endsWith("/" + backupId + "/manifest.json"));
                        report.add(Figure.of(drill, "completed backup still stored after the leftover sweep",
                                stored ? 1 : 0, "backups").valueEquals(1).note(stored ? "" : "its folder was swept "
                                + "away after the completed event: a cleanup deferred during the outage removed the "
                                + "retried attempt's objects"));
                        report.add(Figure.of(drill, "completed backup verifies against its listing",
                                stored && verifies(client, events, backupId) ? 1 : 0, "backups").valueEquals(1));
                    }
                    report.expect("service health after the outage",
                            "UP".equals(service.actuator().healthStatus("")) ? 1 : 0, "UP", 1);
                }
            } finally {
                engine.removeVolumeQuietly(volume);
            }
        });
    }

    private static boolean verifies(BackupClient client, TopicProbe events, String backupId) {
        String verification = client.requestVerification(backupId);
        Optional<BackupClient.Outcome> verified = BackupClient.awaitOutcome(events, verification, OPERATION_TIMEOUT);
        return verified.isPresent() && verified.get().event() instanceof BackupVerified result && result.ok();
    }

    private static boolean awaitOpenUpload(S3Server s3, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (!s3.incompleteUploads(StackServices.BACKUPS_BUCKET).isEmpty()) {
                    return true;
                }
            } catch (IllegalStateException bucketNotYetThere) {
                // The service creates the bucket when it starts.
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Backup folders ({@code <prefix><host>/<volume>/<id>/}) by what they hold. */
    static Partial partialBackups(List<String> keys) {
        Map<String, Set<String>> folders = new HashMap<>();
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            if (slash < 0 || key.contains("_operations/")) {
                continue;
            }
            folders.computeIfAbsent(key.substring(0, slash), folder -> new HashSet<>()).add(key.substring(slash + 1));
        }
        int withoutManifest = 0;
        int withoutArchive = 0;
        for (Set<String> files : folders.values()) {
            boolean manifest = files.contains("manifest.json");
            boolean archive = files.stream().anyMatch(name -> name.startsWith("archive.tar"));
            if (!manifest) {
                withoutManifest++;
            } else if (!archive) {
                withoutArchive++;
            }
        }
        return new Partial(withoutManifest, withoutArchive);
    }

    /**
     * Partial backups found.
     *
     * @param withoutManifest folders holding objects but no manifest
     * @param withoutArchive manifests whose archive is missing
     */
    record Partial(int withoutManifest, int withoutArchive) {
    }
}
