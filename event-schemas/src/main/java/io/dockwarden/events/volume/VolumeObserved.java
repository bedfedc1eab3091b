package io.dockwarden.events.volume;

import io.dockwarden.events.EventData;
import java.time.Instant;

/**
 * A volume as it is now: found by a sync, created, or mounted or unmounted by a container.
 *
 * @param hostId the engine's host id
 * @param occurredAt when it was observed
 * @param volume the volume and who mounts it
 */
public record VolumeObserved(String hostId, Instant occurredAt, VolumeSnapshot volume) implements EventData {

    @Override
    public String subject() {
        return VolumeObserved.subjectOf(hostId, volume.name());
    }

    public static String subjectOf(String hostId, String volumeName) {
        return hostId + "/" + volumeName;
    }
}
