package io.dockwarden.compliance.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.finding.Waiver;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One check failing (or having failed) on one container or engine.
 *
 * @param findingId stable id derived from host, container and check
 * @param checkId the check
 * @param benchmark the check's benchmark
 * @param title the check's title
 * @param status open, waived or resolved
 * @param severity the severity of the failure
 * @param level the check's level
 * @param scored whether the check is scored
 * @param remediation what to change
 * @param evidence the facts of the last failing verdict
 * @param waiver the waiver in force, when waived
 * @param openedAt when the failure was first observed in this episode
 * @param changedAt when the status last changed
 * @param resolution why it resolved, when resolved
 * @param generation how many lifecycle events it has had: the basis of deterministic event ids
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String findingId, String checkId, String benchmark, String title, FindingStatus status,
        Severity severity, int level, boolean scored, String remediation, List<Evidence> evidence,
        @Nullable Waiver waiver, Instant openedAt, Instant changedAt, @Nullable String resolution, int generation) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
