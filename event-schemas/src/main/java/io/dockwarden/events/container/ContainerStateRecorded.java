package io.dockwarden.events.container;

import io.dockwarden.events.EventData;
import java.time.Instant;

/**
 * The latest snapshot of a container, as kept on the compacted state topic; a removal is a tombstone (no value).
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param recordedAt when this snapshot was taken
 * @param snapshot the container
 */
public record ContainerStateRecorded(String hostId, String containerId, Instant recordedAt,
        ContainerSnapshot snapshot) implements EventData {

    @Override
    public String subject() {
        return ContainerEvent.subjectOf(hostId, containerId);
    }
}
