package io.dockwarden.events.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A restore failed; the target volume was left untouched.
 *
 * @param restoreId the restore's id
 * @param requestId the request it answers, if any
 * @param backupId the backup
 * @param hostId the engine holding the target volume
 * @param volumeName the target volume
 * @param mode new or replace
 * @param failedAt when
 * @param step the step that failed: manifest, download, authenticate, prepare, write
 * @param reason what went wrong, without secrets
 * @param retryable whether trying again later may succeed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestoreFailed(String restoreId, @Nullable String requestId, String backupId, String hostId,
        String volumeName, String mode, Instant failedAt, String step, String reason, boolean retryable)
        implements BackupEvent {
}
