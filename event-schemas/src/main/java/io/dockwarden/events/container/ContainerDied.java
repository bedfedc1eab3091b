package io.dockwarden.events.container;

import java.time.Instant;

/**
 * A container's main process ended.
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param occurredAt when the engine reported it
 * @param exitCode the process's exit code
 * @param snapshot the container right after it
 */
public record ContainerDied(String hostId, String containerId, Instant occurredAt, int exitCode,
        ContainerSnapshot snapshot) implements ContainerEvent {
}
