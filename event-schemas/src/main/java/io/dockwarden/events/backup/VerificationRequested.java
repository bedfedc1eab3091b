package io.dockwarden.events.backup;

import java.time.Instant;

/**
 * A command: verify this backup now.
 *
 * @param requestId the requester's id, echoed in the outcome
 * @param backupId the backup to verify
 * @param hostId the engine to restore into a scratch volume
 * @param volumeName the volume the backup is of
 * @param requestedAt when it was requested
 * @param requestedBy who or what asked
 */
public record VerificationRequested(String requestId, String backupId, String hostId, String volumeName,
        Instant requestedAt, String requestedBy) implements BackupEvent {
}
