package io.dockwarden.events.container;

import java.time.Instant;

/**
 * A container was renamed.
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param occurredAt when the engine reported it
 * @param previousName the name before the rename
 * @param snapshot the container right after it
 */
public record ContainerRenamed(String hostId, String containerId, Instant occurredAt, String previousName,
        ContainerSnapshot snapshot) implements ContainerEvent {
}
