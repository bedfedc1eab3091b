package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.PortBinding;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** 5.9 (manual): the published ports are listed for review. */
final class OnlyNeededPortsOpen extends CisContainerCheck {

    OnlyNeededPortsOpen() {
        super("5.9", "Ensure that only needed ports are open on the container", 1, false, Severity.INFO,
                "Every published port is attack surface; only the ports the service must offer should be reachable.",
                "Review the published ports and remove those the service does not need ('-p' flags, 'ports:' in "
                        + "compose files); do not use '-P'.",
                "Manual in the benchmark: whether a port is needed cannot be decided from the API. Reports every "
                        + "published port as an informational, unscored finding, so that it can be reviewed and "
                        + "waived once accepted.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<String> published = new ArrayList<>();
        for (PortBinding port : context.container().ports()) {
            published.add((port.hostIp().isEmpty() ? "*" : port.hostIp()) + ":" + port.hostPort() + "->"
                    + port.containerPort() + "/" + port.protocol());
        }
        return published.isEmpty() ? Verdict.pass()
                : fail(Evidences.of("NetworkSettings.Ports", published, "only the ports the service needs"));
    }
}
