package io.dockwarden.events.volume;

import io.dockwarden.events.EventData;
import java.time.Instant;

/**
 * A volume was removed from the engine.
 *
 * @param hostId the engine's host id
 * @param occurredAt when it was removed (or a resync found it gone)
 * @param volumeName the volume's name
 */
public record VolumeRemoved(String hostId, Instant occurredAt, String volumeName) implements EventData {

    @Override
    public String subject() {
        return VolumeObserved.subjectOf(hostId, volumeName);
    }
}
