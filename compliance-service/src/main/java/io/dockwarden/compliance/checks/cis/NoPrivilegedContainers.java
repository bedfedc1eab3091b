package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;

/** 5.5: the container is not privileged. */
final class NoPrivilegedContainers extends CisContainerCheck {

    NoPrivilegedContainers() {
        super("5.5", "Ensure that privileged containers are not used", 1, true, Severity.CRITICAL,
                "A privileged container has every capability, every device and no seccomp or AppArmor confinement: "
                        + "root in it is root on the host.",
                "Run the container without '--privileged'; add only the capabilities and devices it needs.",
                "Fails when HostConfig.Privileged is true.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        return context.container().privileged()
                ? fail(Evidences.of("HostConfig.Privileged", true, "false"))
                : Verdict.pass();
    }
}
