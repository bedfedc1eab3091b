package io.dockwarden.events.finding;

import io.dockwarden.events.EventData;
import org.jspecify.annotations.Nullable;

/** A step in the lifecycle of one finding: one check on one container (or on the engine itself). */
public sealed interface FindingEvent extends EventData permits FindingOpened, FindingResolved, FindingWaived {

    String findingId();

    String hostId();

    /** Absent for host-level checks. */
    @Nullable String containerId();

    String checkId();

    @Override
    default String subject() {
        return subjectOf(hostId(), containerId(), checkId());
    }

    static String subjectOf(String hostId, @Nullable String containerId, String checkId) {
        return hostId + "/" + (containerId == null ? "host" : containerId) + "/" + checkId;
    }
}
