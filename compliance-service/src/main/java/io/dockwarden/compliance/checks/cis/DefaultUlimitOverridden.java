package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import java.util.List;

/** 5.19 (manual): containers without their own ulimits are listed for review. */
final class DefaultUlimitOverridden extends CisContainerCheck {

    DefaultUlimitOverridden() {
        super("5.19", "Ensure that the default ulimit is overwritten at runtime if needed", 1, false, Severity.INFO,
                "The daemon's default ulimits suit most containers; a workload that needs more or less should say so "
                        + "rather than inherit them unseen.",
                "Set '--ulimit' for workloads whose file or process needs differ from the daemon's defaults.",
                "Manual in the benchmark. Reports a container whose HostConfig.Ulimits is empty as an "
                        + "informational, unscored finding.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        return context.container().ulimits().isEmpty()
                ? fail(Evidences.of("HostConfig.Ulimits", List.of(), "ulimits reviewed for this workload"))
                : Verdict.pass();
    }
}
