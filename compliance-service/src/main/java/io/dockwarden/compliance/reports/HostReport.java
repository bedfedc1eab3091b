package io.dockwarden.compliance.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One engine in a report, with its containers.
 *
 * @param hostId the host id
 * @param name the engine's host name, when the engine has been observed
 * @param engineVersion the engine version, when known
 * @param scores the host's scores: its own checks and all its containers' checks
 * @param hostChecks the verdicts of the host checks; empty until the engine is observed
 * @param containers the containers on it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostReport(String hostId, @Nullable String name, @Nullable String engineVersion, Scores scores,
        List<CheckVerdict> hostChecks, List<ContainerReport> containers) {

    public HostReport {
        hostChecks = List.copyOf(hostChecks);
        containers = List.copyOf(containers);
    }
}
