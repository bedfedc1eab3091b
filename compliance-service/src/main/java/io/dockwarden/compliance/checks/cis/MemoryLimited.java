package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;

/** 5.11: the container's memory is limited. */
final class MemoryLimited extends CisContainerCheck {

    MemoryLimited() {
        super("5.11", "Ensure that the memory usage for containers is limited", 1, true, Severity.MEDIUM,
                "Without a limit one container can exhaust the host's memory and get other workloads killed.",
                "Set a memory limit: '--memory 512m', or 'mem_limit' / 'deploy.resources.limits.memory' in compose.",
                "Fails when HostConfig.Memory is 0 (unlimited).");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        long memory = context.container().resources().memoryBytes();
        return memory > 0 ? Verdict.pass() : fail(Evidences.of("HostConfig.Memory", memory, "> 0"));
    }
}
