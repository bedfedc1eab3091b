package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;

/** 5.30 (level 2, manual): the container is not on the default bridge. */
final class DefaultBridgeNotUsed extends CisContainerCheck {

    DefaultBridgeNotUsed() {
        super("5.30", "Ensure that the default bridge docker0 is not used", 2, false, Severity.INFO,
                "Containers on the default bridge can reach each other on every port unless inter-container "
                        + "communication is disabled daemon-wide; user-defined networks isolate by default.",
                "Attach the container to a user-defined network ('docker network create', 'networks:' in compose).",
                "Manual in the benchmark. Reports a container attached to the network 'bridge' "
                        + "(NetworkSettings.Networks) as an informational, unscored finding.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        return context.container().networks().contains("bridge")
                ? fail(Evidences.of("NetworkSettings.Networks", context.container().networks(),
                        "a user-defined network"))
                : Verdict.pass();
    }
}
