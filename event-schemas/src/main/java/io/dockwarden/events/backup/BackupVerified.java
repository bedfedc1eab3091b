package io.dockwarden.events.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A backup was restored into a scratch volume and compared with the listing recorded at backup time.
 *
 * @param backupId the backup
 * @param requestId the request it answers, if any
 * @param hostId the engine holding the volume
 * @param volumeName the volume backed up
 * @param verifiedAt when
 * @param ok whether everything matched
 * @param filesCompared entries compared
 * @param mismatches entries that differ (at most a bounded number)
 * @param reason why verification could not complete, if it could not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupVerified(String backupId, @Nullable String requestId, String hostId, String volumeName,
        Instant verifiedAt, boolean ok, long filesCompared, List<Mismatch> mismatches, @Nullable String reason)
        implements BackupEvent {

    public BackupVerified {
        mismatches = List.copyOf(mismatches);
    }

    /**
     * One entry that differs.
     *
     * @param path the entry's path
     * @param problem what differs: missing, extra, type, size, mode, owner, link, content
     */
    public record Mismatch(String path, String problem) {
    }
}
