package io.dockwarden.events.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A backup failed; nothing partial was left behind.
 *
 * @param backupId the backup's id
 * @param requestId the request it answers, if any
 * @param hostId the engine holding the volume
 * @param volumeName the volume
 * @param failedAt when it failed
 * @param step the pipeline step that failed: quiesce, read, transform, upload, commit, prune
 * @param reason what went wrong, without secrets
 * @param retryable whether trying again later may succeed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupFailed(String backupId, @Nullable String requestId, String hostId, String volumeName,
        Instant failedAt, String step, String reason, boolean retryable) implements BackupEvent {
}
