package io.dockwarden.events.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A backup was restored into a volume.
 *
 * @param restoreId the restore's id
 * @param requestId the request it answers, if any
 * @param backupId the backup restored
 * @param hostId the engine holding the target volume
 * @param volumeName the target volume
 * @param mode new or replace
 * @param completedAt when
 * @param durationMillis wall time
 * @param fileCount entries restored
 * @param tarBytes size of the restored tar stream
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestoreCompleted(String restoreId, @Nullable String requestId, String backupId, String hostId,
        String volumeName, String mode, Instant completedAt, long durationMillis, long fileCount, long tarBytes)
        implements BackupEvent {
}
