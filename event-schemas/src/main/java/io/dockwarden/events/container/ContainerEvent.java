package io.dockwarden.events.container;

import io.dockwarden.events.EventData;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A lifecycle fact about one container on one engine, with the snapshot taken right after it. */
public sealed interface ContainerEvent extends EventData permits ContainerObserved, ContainerCreated,
        ContainerStarted, ContainerStopped, ContainerDied, ContainerPaused, ContainerUnpaused, ContainerRenamed,
        ContainerUpdated, ContainerHealthChanged, ContainerRemoved {

    String hostId();

    String containerId();

    Instant occurredAt();

    /** The snapshot after the fact; for a removal, the last one known, if any. */
    @Nullable ContainerSnapshot snapshot();

    @Override
    default String subject() {
        return subjectOf(hostId(), containerId());
    }

    static String subjectOf(String hostId, String containerId) {
        return hostId + "/" + containerId;
    }
}
