package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.Resources;
import io.dockwarden.events.finding.Severity;

/** 5.12: the container's CPU share or quota is set. */
final class CpuPrioritySet extends CisContainerCheck {

    CpuPrioritySet() {
        super("5.12", "Ensure that CPU priority is set appropriately on containers", 1, true, Severity.LOW,
                "Without CPU shares or a quota every container competes equally, and a busy one can starve the "
                        + "others.",
                "Set '--cpu-shares', '--cpus' or '--cpu-quota' according to the workload's priority.",
                "Fails when CpuShares, NanoCpus and CpuQuota are all 0. docker-bench-security reads only "
                        + "CpuShares and so warns about containers limited by '--cpus' or '--cpu-quota'.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        Resources resources = context.container().resources();
        if (resources.cpuShares() > 0 || resources.nanoCpus() > 0 || resources.cpuQuota() > 0) {
            return Verdict.pass();
        }
        return fail(Evidences.of("HostConfig.CpuShares", resources.cpuShares(), "> 0, or NanoCpus or CpuQuota set"),
                Evidences.of("HostConfig.NanoCpus", resources.nanoCpus(), "> 0, or CpuShares or CpuQuota set"),
                Evidences.of("HostConfig.CpuQuota", resources.cpuQuota(), "> 0, or CpuShares or NanoCpus set"));
    }
}
