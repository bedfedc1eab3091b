package io.dockwarden.compliance.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.compliance.findings.Finding;
import org.jspecify.annotations.Nullable;

/**
 * A finding with where it is: one CSV row, one SARIF result.
 *
 * @param hostId the host
 * @param containerId the container, absent for host checks
 * @param containerName the container's name
 * @param image the container's image
 * @param finding the finding
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportFinding(String hostId, @Nullable String containerId, @Nullable String containerName,
        @Nullable String image, Finding finding) {
}
