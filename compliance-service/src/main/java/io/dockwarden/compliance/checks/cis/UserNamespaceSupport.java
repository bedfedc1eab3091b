package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;

/** 2.9 (level 2): the engine remaps container users to unprivileged host users. */
final class UserNamespaceSupport extends CisHostCheck {

    UserNamespaceSupport() {
        super("2.9", "Enable user namespace support", 2, true, Severity.MEDIUM,
                "With user namespace remapping, root in a container is an unprivileged user on the host, so an "
                        + "escape lands without privileges.",
                "Start the daemon with '--userns-remap=default' (\"userns-remap\" in daemon.json).",
                "Fails when SecurityOptions lacks name=userns.");
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        for (String option : host.securityOptions()) {
            if (option.equals("name=userns") || option.startsWith("name=userns,")) {
                return Verdict.pass();
            }
        }
        return fail(Evidences.of("SecurityOptions", host.securityOptions(), "name=userns"));
    }
}
