package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.backup.BackupStarted;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreRequested;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A volume with everything a file system holds survives backup and restore, entry for entry. */
class BackupRoundTripIT extends ServiceTestSupport {

    private final String source = Volumes.unique("dw-rich");
    private final String target = Volumes.unique("dw-rich-restored");

    @AfterEach
    void removeVolumes() {
        Volumes.remove(source, target);
    }

    @Test
    void richVolumeSurvivesBackupByCommandAndRestoreIntoNewVolume() throws Exception {
        Volumes.create(source, Map.of());
        Volumes.run(source, String.join(" && ",
                "mkdir -p /data/a/b/c",
                "echo nested > /data/a/b/c/deep.txt",
                "echo private > /data/private.key",
                "chown 1000:1000 /data/private.key",
                "chmod 0600 /data/private.key",
                "touch /data/empty",
                "ln -s a/b/c/deep.txt /data/link",
                "echo shared > /data/hard1",
                "ln /data/hard1 /data/hard2",
                "echo unicode > '/data/ünïcødé ✓ 日本.txt'",
                "mkdir /data/sticky && chmod 1777 /data/sticky",
                "chmod 0750 /data",
                "dd if=/dev/urandom of=/data/a/random.bin bs=1M count=64 2>/dev/null",
                "touch -d '2020-01-02 03:04:05' /data/empty"));
        Map<String, String> before = Volumes.contents(source);
        assertThat(before).containsKeys(".", "a/b/c/deep.txt", "private.key", "empty", "link", "hard1", "hard2",
                "ünïcødé ✓ 日本.txt", "sticky", "a/random.bin");
        assertThat(before.get("hard2")).startsWith("hardlink");
        assertThat(before.get("private.key")).startsWith("file 0600 1000:1000");

        String requestId = UUID.randomUUID().toString();
        EncodedEvent command = CODEC.encode(new BackupRequested(requestId, HOST_ID, source, Instant.now(), "it",
                "round trip"));
        BROKER.send(command);
        BackupCompleted completed = awaitEvent(EventCatalog.BACKUP_COMPLETED.type(), BackupCompleted.class,
                "requestId", requestId);
        BackupStarted started = awaitEvent(EventCatalog.BACKUP_STARTED.type(), BackupStarted.class, "requestId",
                requestId);
        assertThat(started.trigger()).isEqualTo("command");
        assertThat(completed.fileCount()).isEqualTo(before.size());
        assertThat(completed.tarBytes()).isGreaterThan(64L * 1024 * 1024);
        assertThat(completed.cipher()).isEqualTo("AES-256-GCM");
        assertThat(completed.keyId()).isNotBlank();
        assertThat(completed.compression()).isEqualTo("zstd");
        assertThat(completed.objectKey()).endsWith("archive.tar.zst.dwae");
        assertThat(S3.objectKeys(BUCKET, "backups/" + HOST_ID + "/" + source + "/" + completed.backupId() + "/"))
                .containsExactlyInAnyOrder(completed.objectKey(), completed.manifestKey(),
                        completed.objectKey().replace("archive.tar", "listing.jsonl"));
        assertThat(S3.incompleteUploads(BUCKET)).isEmpty();

        // The same command delivered again changes nothing and publishes nothing.
        BROKER.send(command);
        events.awaitQuiet(Duration.ofSeconds(3), Duration.ofSeconds(20));
        assertThat(countEvents(EventCatalog.BACKUP_STARTED.type(), "requestId", requestId)).isEqualTo(1);

        HttpResponse<String> backup = get("/api/backups/" + completed.backupId());
        assertThat(backup.statusCode()).isEqualTo(200);
        assertThat(backup.body()).contains("\"status\":\"completed\"").contains(completed.tarSha256());

        String restoreRequest = UUID.randomUUID().toString();
        send(new RestoreRequested(restoreRequest, completed.backupId(), HOST_ID, target, "new", Instant.now(), "it"));
        RestoreCompleted restored = awaitEvent(EventCatalog.RESTORE_COMPLETED.type(), RestoreCompleted.class,
                "requestId", restoreRequest);
        assertThat(restored.fileCount()).isEqualTo(before.size());
        assertThat(restored.tarBytes()).isEqualTo(completed.tarBytes());

        // Modes, owners, symlinks, hardlinks, mtimes (to the second), names and content: all identical.
        assertThat(Volumes.contents(target)).isEqualTo(before);

        HttpResponse<String> verify = http("POST", "/api/backups/" + completed.backupId() + "/verify", null);
        assertThat(verify.statusCode()).isEqualTo(202);
        String verifyRequest = EventJson.mapper().readTree(verify.body()).path("requestId").asString();
        BackupVerified verified = awaitEvent(EventCatalog.BACKUP_VERIFIED.type(), BackupVerified.class, "requestId",
                verifyRequest);
        assertThat(verified.ok()).as("verification: %s", verified).isTrue();
        assertThat(verified.filesCompared()).isEqualTo(before.size());
        assertThat(verified.mismatches()).isEmpty();

        HttpResponse<String> entries = get("/api/backups/" + completed.backupId() + "/entries");
        assertThat(entries.statusCode()).isEqualTo(200);
        assertThat(entries.body().lines()).hasSize(before.size())
                .anySatisfy(line -> assertThat(line).contains("\"path\":\"ünïcødé ✓ 日本.txt\""));

        // The stored objects never hold file names or content in the clear.
        byte[] listingObject = S3.client().getObject(io.minio.GetObjectArgs.builder().bucket(BUCKET)
                .object(completed.objectKey().replace("archive.tar", "listing.jsonl")).build()).readAllBytes();
        assertThat(new String(listingObject, StandardCharsets.ISO_8859_1)).doesNotContain("private.key");
        assertThat(events.records(TopicProbe.withKey(HOST_ID + "/" + source))).isNotEmpty();
    }
}
