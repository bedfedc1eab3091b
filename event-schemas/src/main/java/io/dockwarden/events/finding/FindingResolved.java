package io.dockwarden.events.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An open or waived finding no longer applies.
 *
 * @param findingId stable id derived from host, container and check
 * @param hostId the engine's host id
 * @param containerId the container, absent for host checks
 * @param containerName the container's name
 * @param checkId benchmark check id
 * @param benchmark benchmark and version
 * @param title the check's title
 * @param severity the severity it had
 * @param resolvedAt when it was seen resolved
 * @param reason {@code passed}, {@code not-applicable}, {@code container-removed} or {@code check-removed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingResolved(String findingId, String hostId, @Nullable String containerId,
        @Nullable String containerName, String checkId, String benchmark, String title, Severity severity,
        Instant resolvedAt, String reason) implements FindingEvent {
}
