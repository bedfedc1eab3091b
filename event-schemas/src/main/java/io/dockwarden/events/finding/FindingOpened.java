package io.dockwarden.events.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A check failed where it did not fail before (or a waiver covering it lapsed).
 *
 * @param findingId stable id derived from host, container and check
 * @param hostId the engine's host id
 * @param containerId the container, absent for host checks
 * @param containerName the container's name
 * @param image the container's image reference
 * @param checkId benchmark check id, such as {@code 5.5}
 * @param benchmark benchmark and version, such as {@code CIS Docker Benchmark v1.6.0}
 * @param title the check's title
 * @param severity how urgent
 * @param level CIS profile level, 1 or 2
 * @param scored whether the check counts towards the score
 * @param evidence the facts that decided it
 * @param remediation what to change
 * @param openedAt when the failing snapshot was observed
 * @param reason {@code failed}, {@code waiver-expired} or {@code waiver-withdrawn}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingOpened(String findingId, String hostId, @Nullable String containerId,
        @Nullable String containerName, @Nullable String image, String checkId, String benchmark, String title,
        Severity severity, int level, boolean scored, List<Evidence> evidence, String remediation, Instant openedAt,
        String reason) implements FindingEvent {

    public FindingOpened {
        evidence = List.copyOf(evidence);
    }
}
