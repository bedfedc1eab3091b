package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;
import java.util.Set;

/** 2.17 (level 2): the daemon applies the default or a declared seccomp profile to containers. */
final class SeccompProfileApplied extends CisHostCheck {

    private final Set<String> declaredProfiles;

    SeccompProfileApplied(Set<String> declaredProfiles) {
        super("2.17", "Ensure that a daemon-wide custom seccomp profile is applied if appropriate", 2, false,
                Severity.MEDIUM,
                "The daemon-wide seccomp profile is what every container gets unless it asks otherwise; without "
                        + "one no container is filtered.",
                "Keep the default profile or set \"seccomp-profile\" in daemon.json to a reviewed profile, and "
                        + "declare custom ones in dockwarden.compliance.checks.declared-seccomp-profiles.",
                "Fails when SecurityOptions has no seccomp entry, or its profile is neither the default one "
                        + "('default', shown as 'builtin' by Docker 25 and later) nor one the operator declared.");
        this.declaredProfiles = Set.copyOf(declaredProfiles);
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        for (String option : host.securityOptions()) {
            if (!option.startsWith("name=seccomp")) {
                continue;
            }
            String profile = "";
            for (String part : option.split(",")) {
                if (part.startsWith("profile=")) {
                    profile = part.substring("profile=".length());
                }
            }
            if (profile.equals("default") || profile.equals("builtin") || declaredProfiles.contains(profile)) {
                return Verdict.pass();
            }
            return fail(Evidences.of("SecurityOptions", option, "profile=default/builtin or a declared custom profile"));
        }
        return fail(Evidences.of("SecurityOptions", host.securityOptions(), "name=seccomp,profile=default"));
    }
}
