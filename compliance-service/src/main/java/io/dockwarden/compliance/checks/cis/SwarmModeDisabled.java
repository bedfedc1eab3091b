package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;

/** 5.1: the engine is not part of a swarm unless it needs to be. */
final class SwarmModeDisabled extends CisHostCheck {

    SwarmModeDisabled() {
        super("5.1", "Ensure swarm mode is not Enabled, if not needed", 1, true, Severity.MEDIUM,
                "Swarm mode opens management ports (2377, 7946, 4789) and keeps cluster secrets on the host; an "
                        + "engine that does not orchestrate should not carry that surface.",
                "Leave the swarm with 'docker swarm leave' on engines that do not need it, or waive this check "
                        + "for swarm nodes.",
                "Fails when Swarm.LocalNodeState is active, pending, locked or error (anything but inactive). "
                        + "Numbered 7.1 before v1.6.0.");
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        String state = host.swarmLocalNodeState();
        if (state.isEmpty()) {
            return Verdict.notApplicable("the engine does not report its swarm state");
        }
        return state.equals("inactive") ? Verdict.pass()
                : fail(Evidences.of("Swarm.LocalNodeState", state, "inactive"));
    }
}
