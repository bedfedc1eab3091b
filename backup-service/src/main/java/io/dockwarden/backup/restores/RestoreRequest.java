package io.dockwarden.backup.restores;

/**
 * A restore to make.
 *
 * @param requestId the request
 * @param restoreId the restore's id, derived from the request
 * @param backupId the backup to restore
 * @param hostId the engine holding the target volume
 * @param volumeName the target volume
 * @param mode new or replace
 * @param requestedBy who or what asked
 */
public record RestoreRequest(String requestId, String restoreId, String backupId, String hostId, String volumeName,
        RestoreMode mode, String requestedBy) {
}
