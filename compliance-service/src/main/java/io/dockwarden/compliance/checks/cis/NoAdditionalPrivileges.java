package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import java.util.List;

/** 5.26: processes cannot gain privileges through setuid binaries. */
final class NoAdditionalPrivileges extends CisContainerCheck {

    private final boolean daemonDefault;

    NoAdditionalPrivileges(boolean daemonDefault) {
        super("5.26", "Ensure that the container is restricted from acquiring additional privileges", 1, true,
                Severity.MEDIUM,
                "Without no-new-privileges a process can gain privileges through setuid or setgid binaries in the "
                        + "image.",
                "Run with '--security-opt no-new-privileges' (or set '\"no-new-privileges\": true' in the daemon "
                        + "configuration and declare it in dockwarden.compliance.checks.daemon-no-new-privileges).",
                "Fails when HostConfig.SecurityOpt holds neither 'no-new-privileges' nor 'no-new-privileges:true' "
                        + "(or '=true'), unless the operator declared the daemon-wide default, which the API does "
                        + "not show; 'no-new-privileges:false' always fails. Stricter than docker-bench-security, "
                        + "whose substring match accepts 'no-new-privileges:false'.");
        this.daemonDefault = daemonDefault;
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<String> options = context.container().securityOpt();
        for (String option : options) {
            String normalised = option.replace('=', ':');
            if (normalised.equals("no-new-privileges") || normalised.equals("no-new-privileges:true")) {
                return Verdict.pass();
            }
            if (normalised.equals("no-new-privileges:false")) {
                return fail(Evidences.of("HostConfig.SecurityOpt", option, "no-new-privileges:true"));
            }
        }
        return daemonDefault ? Verdict.pass()
                : fail(Evidences.of("HostConfig.SecurityOpt", options, "no-new-privileges:true"));
    }
}
