package io.dockwarden.compliance.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Waiver;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finding as the API shows it.
 *
 * @param findingId stable id
 * @param status open, waived or resolved
 * @param severity critical, high, medium, low or info
 * @param checkId the check
 * @param benchmark the check's benchmark
 * @param title the check's title
 * @param level CIS level
 * @param scored whether the check is scored
 * @param hostId the host
 * @param containerId the container, absent for host checks
 * @param containerName the container's name
 * @param image the container's image
 * @param evidence the facts of the failure
 * @param waiver the waiver in force
 * @param remediation what to change
 * @param openedAt when the failure was first observed
 * @param changedAt when the status last changed
 * @param resolution why it resolved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FindingView(String findingId, String status, String severity, String checkId, String benchmark, String title,
        int level, boolean scored, String hostId, @Nullable String containerId, @Nullable String containerName,
        @Nullable String image, List<Evidence> evidence, @Nullable Waiver waiver, String remediation,
        Instant openedAt, Instant changedAt, @Nullable String resolution) {

    static FindingView of(SubjectState state, Finding finding) {
        return new FindingView(finding.findingId(), finding.status().wireName(), finding.severity().wireName(),
                finding.checkId(), finding.benchmark(), finding.title(), finding.level(), finding.scored(),
                state.hostId(), state.containerId(), state.containerName(), state.image(), finding.evidence(),
                finding.waiver(), finding.remediation(), finding.openedAt(), finding.changedAt(),
                finding.resolution());
    }
}
