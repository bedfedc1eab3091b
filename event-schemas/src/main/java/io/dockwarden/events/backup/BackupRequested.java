package io.dockwarden.events.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A command: back up this volume now.
 *
 * @param requestId the requester's id, echoed in the outcome events
 * @param hostId the engine holding the volume
 * @param volumeName the volume
 * @param requestedAt when it was requested
 * @param requestedBy who or what asked
 * @param reason free text, shown in the events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupRequested(String requestId, String hostId, String volumeName, Instant requestedAt,
        String requestedBy, @Nullable String reason) implements BackupEvent {
}
