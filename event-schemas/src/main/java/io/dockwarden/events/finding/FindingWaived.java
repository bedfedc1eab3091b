package io.dockwarden.events.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A failing check is covered by a waiver; it stays visible in reports with the waiver.
 *
 * @param findingId stable id derived from host, container and check
 * @param hostId the engine's host id
 * @param containerId the container, absent for host checks
 * @param containerName the container's name
 * @param checkId benchmark check id
 * @param benchmark benchmark and version
 * @param title the check's title
 * @param severity the severity the failure has
 * @param evidence the facts that decided the failure
 * @param waivedAt when the waiver took effect
 * @param waiver the waiver in force
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingWaived(String findingId, String hostId, @Nullable String containerId,
        @Nullable String containerName, String checkId, String benchmark, String title, Severity severity,
        List<Evidence> evidence, Instant waivedAt, Waiver waiver) implements FindingEvent {

    public FindingWaived {
        evidence = List.copyOf(evidence);
    }
}
