package io.dockwarden.events.container;

import java.time.Instant;

/**
 * A container found by a full sync or a resync, in whatever state it is.
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param occurredAt when the engine reported it
 * @param snapshot the container right after it
 */
public record ContainerObserved(String hostId, String containerId, Instant occurredAt, ContainerSnapshot snapshot)
        implements ContainerEvent {
}
