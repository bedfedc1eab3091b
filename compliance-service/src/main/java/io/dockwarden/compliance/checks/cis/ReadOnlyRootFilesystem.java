package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;

/** 5.13: the container's root filesystem is read-only. */
final class ReadOnlyRootFilesystem extends CisContainerCheck {

    ReadOnlyRootFilesystem() {
        super("5.13", "Ensure that the container's root filesystem is mounted as read only", 1, true,
                Severity.MEDIUM,
                "A read-only root filesystem keeps an intruder from changing binaries and configuration, and keeps "
                        + "writes in declared volumes where they can be seen and backed up.",
                "Run with '--read-only' ('read_only: true' in compose) and give the workload tmpfs or volumes for "
                        + "the paths it writes.",
                "Fails when HostConfig.ReadonlyRootfs is false.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        return context.container().readonlyRootfs() ? Verdict.pass()
                : fail(Evidences.of("HostConfig.ReadonlyRootfs", false, "true"));
    }
}
