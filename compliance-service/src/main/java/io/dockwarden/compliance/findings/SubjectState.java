package io.dockwarden.compliance.findings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.host.HostSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the service knows of one subject (a container, or an engine for host checks): its last snapshot, the last
 * verdict of every check and its findings. This is what the state topic keeps, keyed like the input events, so that
 * a restarted or new instance continues exactly where the last one stopped.
 *
 * @param key {@code <hostId>/<containerId>} for a container, {@code <hostId>} for an engine
 * @param revision grows with every change written; an older revision never replaces a newer one
 * @param hostId the engine's host id
 * @param containerId the container, absent for an engine
 * @param containerName the container's name
 * @param image the container's image reference
 * @param lastEventId {@code ce_id} of the last event applied
 * @param lastEventTime {@code ce_time} of the last event applied; older events are stale redeliveries
 * @param container the container's last snapshot, absent for an engine and once removed
 * @param host the engine's last snapshot, for an engine
 * @param removedAt when the container was removed; kept a while so that late redeliveries cannot revive it
 * @param results last verdict per check id
 * @param findings findings per check id, resolved ones kept for a while for reports
 * @param evaluatedAt when the checks last ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectState(String key, long revision, String hostId, @Nullable String containerId,
        @Nullable String containerName, @Nullable String image, @Nullable String lastEventId,
        @Nullable Instant lastEventTime, @Nullable ContainerSnapshot container, @Nullable HostSnapshot host,
        @Nullable Instant removedAt, Map<String, CheckResult> results, Map<String, Finding> findings,
        Instant evaluatedAt) {

    public SubjectState {
        results = Map.copyOf(results);
        findings = Map.copyOf(findings);
    }

    public static String containerKey(String hostId, String containerId) {
        return hostId + "/" + containerId;
    }

    @JsonIgnore
    public boolean isContainer() {
        return containerId != null;
    }

    @JsonIgnore
    public boolean isRemoved() {
        return removedAt != null;
    }

    /** Whether anything but bookkeeping (revision, last event, evaluation time) differs. */
    public boolean sameContentAs(@Nullable SubjectState other) {
        return other != null
                && Objects.equals(containerName, other.containerName)
                && Objects.equals(image, other.image)
                && Objects.equals(removedAt, other.removedAt)
                && Objects.equals(results, other.results)
                && Objects.equals(findings, other.findings)
                && Objects.equals(host, other.host)
                && Objects.equals(container, other.container);
    }
}
