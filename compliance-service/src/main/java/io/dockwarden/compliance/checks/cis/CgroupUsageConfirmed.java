package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import java.util.Set;

/** 5.25: a container in a cgroup parent of its own choosing is confirmed. */
final class CgroupUsageConfirmed extends CisContainerCheck {

    private final Set<String> allowed;

    CgroupUsageConfirmed(Set<String> allowed) {
        super("5.25", "Ensure that cgroup usage is confirmed", 1, true, Severity.INFO,
                "A container placed in another cgroup escapes the limits and accounting the daemon's default "
                        + "cgroup gives it.",
                "Remove '--cgroup-parent', or confirm the parent by adding it to "
                        + "dockwarden.compliance.checks.allowed-cgroup-parents.",
                "Fails (informational) when HostConfig.CgroupParent is set and not on the operator's allow-list "
                        + "(dockwarden.compliance.checks.allowed-cgroup-parents).");
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        String parent = context.container().cgroupParent();
        if (parent.isEmpty() || allowed.contains(parent)) {
            return Verdict.pass();
        }
        return fail(Evidences.of("HostConfig.CgroupParent", parent, "empty or one of " + allowed.stream().sorted()
                .toList()));
    }
}
