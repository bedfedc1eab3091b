package io.dockwarden.backup.backups;

import org.jspecify.annotations.Nullable;

/**
 * A backup to make.
 *
 * @param requestId the request
 * @param backupId the backup's id, derived from the request
 * @param hostId the engine holding the volume
 * @param volumeName the volume
 * @param trigger command, api, schedule or event
 * @param requestedBy who or what asked
 * @param reason free text from the request
 */
public record BackupRequest(String requestId, String backupId, String hostId, String volumeName, String trigger,
        String requestedBy, @Nullable String reason) {
}
