package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;

/** 5.22: the default seccomp profile is not disabled. */
final class SeccompNotDisabled extends CisContainerCheck {

    SeccompNotDisabled() {
        super("5.22", "Ensure the default seccomp profile is not Disabled", 1, true, Severity.HIGH,
                "The default seccomp profile blocks about 44 system calls that containers do not need and that "
                        + "kernel exploits rely on.",
                "Remove '--security-opt seccomp=unconfined'; if a system call is missing, use a custom profile "
                        + "derived from the default one.",
                "Fails when HostConfig.SecurityOpt holds seccomp=unconfined or seccomp:unconfined.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        for (String option : context.container().securityOpt()) {
            if (option.equals("seccomp=unconfined") || option.equals("seccomp:unconfined")) {
                return fail(Evidences.of("HostConfig.SecurityOpt", option, "the default or a custom seccomp profile"));
            }
        }
        return Verdict.pass();
    }
}
