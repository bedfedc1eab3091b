package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreFailed;
import io.dockwarden.events.backup.RestoreRequested;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Restoring in place replaces a volume's content, stopping and restarting the labelled container that uses it; a stored
 * object that was tampered with or cut short is refused with a reason, and the target stays untouched.
 */
class TamperedBackupIT extends ServiceTestSupport {

    private static final DockerEngine ENGINE = DockerEngine.local();

    private final String source = Volumes.unique("dw-tamper");
    private final String fresh = Volumes.unique("dw-tamper-new");
    private final String existing = Volumes.unique("dw-tamper-existing");
    private final String app = Volumes.unique("dw-tamper-app");

    @AfterEach
    void removeVolumes() {
        ENGINE.removeContainerQuietly(app);
        Volumes.remove(source, fresh, existing);
    }

    @Test
    void flippedByteAndTruncationAreRefusedBeforeAnythingIsWritten() throws Exception {
        Volumes.create(source, Map.of());
        Volumes.run(source, "mkdir /data/d && dd if=/dev/urandom of=/data/d/blob bs=1M count=3 2>/dev/null"
                + " && echo text > /data/note");
        Volumes.create(existing, Map.of());
        Volumes.run(existing, "echo replace-me > /data/old && chmod 0640 /data/old");
        String container = ENGINE.createAndStart(app, command -> command
                .withLabels(Map.of("dockwarden.backup.stop-during-backup", "true"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withBinds(new Bind(existing, new Volume("/data")))));

        String requestId = UUID.randomUUID().toString();
        send(new BackupRequested(requestId, HOST_ID, source, Instant.now(), "it", null));
        BackupCompleted completed = awaitEvent(EventCatalog.BACKUP_COMPLETED.type(), BackupCompleted.class,
                "requestId", requestId);

        String replaceRequest = UUID.randomUUID().toString();
        send(new RestoreRequested(replaceRequest, completed.backupId(), HOST_ID, existing, "replace", Instant.now(),
                "it"));
        RestoreCompleted replaced = awaitEvent(EventCatalog.RESTORE_COMPLETED.type(), RestoreCompleted.class,
                "requestId", replaceRequest);
        assertThat(replaced.mode()).isEqualTo("replace");
        Map<String, String> existingBefore = Volumes.contents(existing);
        assertThat(existingBefore).as("the old content is gone, the backup's is there")
                .isEqualTo(Volumes.contents(source)).doesNotContainKey("old");
        assertThat(ENGINE.client().inspectContainerCmd(container).exec().getState().getRunning())
                .as("the labelled container runs again").isTrue();
        byte[] original = S3.client().getObject(GetObjectArgs.builder().bucket(BUCKET)
                .object(completed.objectKey()).build()).readAllBytes();

        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        store(completed.objectKey(), flipped);

        RestoreFailed intoNew = restore(completed.backupId(), fresh, "new");
        assertThat(intoNew.step()).isEqualTo("authenticate");
        assertThat(intoNew.reason()).contains("failed authentication");
        assertThat(intoNew.retryable()).isFalse();
        assertThat(Volumes.exists(fresh)).as("a failed restore in mode new creates nothing").isFalse();

        RestoreFailed replacing = restore(completed.backupId(), existing, "replace");
        assertThat(replacing.step()).isEqualTo("authenticate");
        assertThat(Volumes.contents(existing)).as("the replaced volume is untouched").isEqualTo(existingBefore);

        HttpResponse<String> verify = http("POST", "/api/backups/" + completed.backupId() + "/verify", null);
        String verifyRequest = EventJson.mapper().readTree(verify.body()).path("requestId").asString();
        BackupVerified verified = awaitEvent(EventCatalog.BACKUP_VERIFIED.type(), BackupVerified.class, "requestId",
                verifyRequest);
        assertThat(verified.ok()).isFalse();
        assertThat(verified.reason()).contains("authenticate").contains("failed authentication");

        store(completed.objectKey(), Arrays.copyOf(original, original.length - 1000));
        RestoreFailed truncated = restore(completed.backupId(), fresh, "new");
        assertThat(truncated.step()).isEqualTo("authenticate");
        assertThat(truncated.reason()).containsAnyOf("truncated", "failed authentication", "invalid length");
        assertThat(Volumes.exists(fresh)).isFalse();

        RestoreFailed missing = restore("20991231T000000Z-000000000000", fresh, "new");
        assertThat(missing.step()).isEqualTo("manifest");
        assertThat(missing.reason()).contains("has no manifest");
        assertThat(Volumes.exists(fresh)).isFalse();
    }

    private static RestoreFailed restore(String backupId, String target, String mode) {
        String requestId = UUID.randomUUID().toString();
        send(new RestoreRequested(requestId, backupId, HOST_ID, target, mode, Instant.now(), "it"));
        return awaitEvent(EventCatalog.RESTORE_FAILED.type(), RestoreFailed.class, "requestId", requestId);
    }

    private static void store(String key, byte[] content) throws Exception {
        S3.client().putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
    }
}
