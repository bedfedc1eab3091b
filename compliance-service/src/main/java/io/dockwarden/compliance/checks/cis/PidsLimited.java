package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;

/** 5.29: the number of processes in the container is limited. */
final class PidsLimited extends CisContainerCheck {

    PidsLimited() {
        super("5.29", "Ensure that the PIDs cgroup limit is used", 1, true, Severity.MEDIUM,
                "Without a PIDs limit a fork bomb in one container exhausts the host's process table.",
                "Set '--pids-limit' (for example 200), or 'pids_limit' in compose.",
                "Fails when HostConfig.PidsLimit is absent, 0 or -1 (all mean unlimited).");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        Long limit = context.container().resources().pidsLimit();
        if (limit != null && limit > 0) {
            return Verdict.pass();
        }
        return fail(Evidences.of("HostConfig.PidsLimit", limit == null ? "absent" : String.valueOf(limit), "> 0"));
    }
}
