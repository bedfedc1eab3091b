package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.PortBinding;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** 5.8: no published port uses a privileged host port. */
final class NoPrivilegedPorts extends CisContainerCheck {

    NoPrivilegedPorts() {
        super("5.8", "Ensure that privileged ports are not mapped within containers", 1, true, Severity.LOW,
                "Ports below 1024 are trusted by clients as belonging to system services; a container should not "
                        + "take one over.",
                "Publish the container on a host port of 1024 or above, and put a proxy in front if clients need "
                        + "the well-known port.",
                "Fails when a published HostPort is between 1 and 1023 (0 lets the engine choose an ephemeral "
                        + "port). docker-bench-security flags below 1025 and so reports port 1024, which is not "
                        + "privileged.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<Evidence> evidence = new ArrayList<>();
        for (PortBinding port : context.container().ports()) {
            if (port.hostPort() > 0 && port.hostPort() < 1024) {
                evidence.add(Evidences.of("NetworkSettings.Ports[" + port.containerPort() + "/" + port.protocol()
                        + "].HostPort", port.hostPort(), ">= 1024"));
            }
        }
        return evidence.isEmpty() ? Verdict.pass() : fail(evidence);
    }
}
