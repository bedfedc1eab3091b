package io.dockwarden.events.backup;

import java.time.Instant;
import java.util.List;

/**
 * Retention removed old backups of a volume.
 *
 * @param hostId the engine holding the volume
 * @param volumeName the volume
 * @param prunedAt when
 * @param policy the retention policy applied, such as {@code last=7,daily=7,weekly=4,monthly=6}
 * @param removed the backups removed
 * @param keptCount backups kept
 */
public record BackupPruned(String hostId, String volumeName, Instant prunedAt, String policy,
        List<RemovedBackup> removed, int keptCount) implements BackupEvent {

    public BackupPruned {
        removed = List.copyOf(removed);
    }

    /**
     * A backup that retention removed.
     *
     * @param backupId its id
     * @param createdAt when it was taken
     */
    public record RemovedBackup(String backupId, Instant createdAt) {
    }
}
