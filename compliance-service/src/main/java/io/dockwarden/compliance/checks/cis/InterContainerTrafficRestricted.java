package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;

/** 2.2: containers on the default bridge cannot talk to each other freely. */
final class InterContainerTrafficRestricted extends CisHostCheck {

    InterContainerTrafficRestricted() {
        super("2.2", "Ensure network traffic is restricted between containers on the default bridge", 1, true,
                Severity.MEDIUM,
                "With inter-container communication on, every container on the default bridge reaches every other "
                        + "one on every port.",
                "Start the daemon with '--icc=false' (\"icc\": false in daemon.json) and link or network the "
                        + "containers that must talk.",
                "Fails when the default bridge's com.docker.network.bridge.enable_icc is not false. Not applicable "
                        + "when the engine has no default bridge.");
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        Boolean icc = host.defaultBridgeIcc();
        if (icc == null) {
            return Verdict.notApplicable("the engine has no default bridge network");
        }
        return icc ? fail(Evidences.of("Networks.bridge.Options.com.docker.network.bridge.enable_icc", true,
                "false")) : Verdict.pass();
    }
}
