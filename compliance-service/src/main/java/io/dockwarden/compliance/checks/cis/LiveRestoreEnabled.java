package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;

/** 2.15: containers keep running while the daemon restarts. */
final class LiveRestoreEnabled extends CisHostCheck {

    LiveRestoreEnabled() {
        super("2.15", "Ensure live restore is enabled", 1, true, Severity.LOW,
                "Live restore keeps containers running through daemon upgrades and crashes, so patching the engine "
                        + "does not mean downtime and is not put off.",
                "Set \"live-restore\": true in daemon.json.",
                "Fails when LiveRestoreEnabled is false; passes on swarm nodes, where live restore is not "
                        + "supported.");
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        if (host.liveRestoreEnabled() || host.swarmLocalNodeState().equals("active")) {
            return Verdict.pass();
        }
        return fail(Evidences.of("LiveRestoreEnabled", false, "true"));
    }
}
