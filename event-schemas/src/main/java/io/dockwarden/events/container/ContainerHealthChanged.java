package io.dockwarden.events.container;

import java.time.Instant;

/**
 * A container's health status changed.
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param occurredAt when the engine reported it
 * @param healthStatus starting, healthy or unhealthy
 * @param snapshot the container right after it
 */
public record ContainerHealthChanged(String hostId, String containerId, Instant occurredAt, String healthStatus,
        ContainerSnapshot snapshot) implements ContainerEvent {
}
