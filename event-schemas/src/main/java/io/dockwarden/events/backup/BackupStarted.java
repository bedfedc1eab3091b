package io.dockwarden.events.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A backup of a volume started.
 *
 * @param backupId the backup's id
 * @param requestId the request it answers, if any
 * @param hostId the engine holding the volume
 * @param volumeName the volume
 * @param trigger {@code command}, {@code api}, {@code schedule} or {@code event}
 * @param startedAt when it started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupStarted(String backupId, @Nullable String requestId, String hostId, String volumeName,
        String trigger, Instant startedAt) implements BackupEvent {
}
