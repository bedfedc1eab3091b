package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import java.util.List;

/** 5.3: SELinux labels confine the container, on engines running with SELinux. */
final class SelinuxOptionsSet extends CisContainerCheck {

    SelinuxOptionsSet() {
        super("5.3", "Ensure that, if applicable, SELinux security options are set", 2, true, Severity.MEDIUM,
                "SELinux labels keep a container's processes from reading or writing files and processes of the "
                        + "host and of other containers.",
                "Run the container with a SELinux label, for example '--security-opt label=level:s0:c100,c200' or "
                        + "'--security-opt label=type:svirt_apache_t', and never with 'label=disable'.",
                "Fails on SELinux engines when HostConfig.SecurityOpt holds no 'label=' option, or holds "
                        + "'label=disable'. Stricter than docker-bench-security, which passes a container with any "
                        + "security option at all (a seccomp profile, say). Not applicable on engines without "
                        + "SELinux.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        if (context.host() == null) {
            return Verdict.notApplicable("the engine's security options are not known yet");
        }
        if (!context.hostHasSecurityOption("selinux")) {
            return Verdict.notApplicable("the engine does not run with SELinux");
        }
        List<String> options = context.container().securityOpt();
        boolean labelled = false;
        for (String option : options) {
            if (option.startsWith("label=") || option.startsWith("label:")) {
                if (option.substring(6).equals("disable")) {
                    return fail(Evidences.of("HostConfig.SecurityOpt", options, "no label=disable"));
                }
                labelled = true;
            }
        }
        return labelled ? Verdict.pass()
                : fail(Evidences.of("HostConfig.SecurityOpt", options, "a label= option (label=type:..., "
                        + "label=level:...)"));
    }
}
