package io.dockwarden.compliance.reports;

import java.util.List;

/**
 * One container in a report.
 *
 * @param containerId full container id
 * @param name container name
 * @param image image reference
 * @param status engine state at the last snapshot
 * @param scores the container's scores
 * @param checks every check's verdict
 */
public record ContainerReport(String containerId, String name, String image, String status, Scores scores,
        List<CheckVerdict> checks) {

    public ContainerReport {
        checks = List.copyOf(checks);
    }
}
