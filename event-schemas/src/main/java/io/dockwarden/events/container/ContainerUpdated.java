package io.dockwarden.events.container;

import java.time.Instant;

/**
 * A container's resources or restart policy were updated (docker update).
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param occurredAt when the engine reported it
 * @param snapshot the container right after it
 */
public record ContainerUpdated(String hostId, String containerId, Instant occurredAt, ContainerSnapshot snapshot)
        implements ContainerEvent {
}
