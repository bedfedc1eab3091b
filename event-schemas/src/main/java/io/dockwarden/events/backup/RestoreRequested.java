package io.dockwarden.events.backup;

import java.time.Instant;

/**
 * A command: restore this backup into a volume.
 *
 * @param requestId the requester's id, echoed in the outcome
 * @param backupId the backup to restore
 * @param hostId the engine holding the target volume
 * @param volumeName the target volume
 * @param mode {@code new} (create it, fail if it exists) or {@code replace} (empty it first)
 * @param requestedAt when it was requested
 * @param requestedBy who or what asked
 */
public record RestoreRequested(String requestId, String backupId, String hostId, String volumeName, String mode,
        Instant requestedAt, String requestedBy) implements BackupEvent {
}
