package io.dockwarden.events.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A container was removed from the engine.
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param occurredAt when the engine reported it (or when a resync found it gone)
 * @param name the container's last known name
 * @param snapshot the last snapshot published, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerRemoved(String hostId, String containerId, Instant occurredAt, String name,
        @Nullable ContainerSnapshot snapshot) implements ContainerEvent {
}
