package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;

/** 2.18: the engine does not run experimental features in production. */
final class ExperimentalFeaturesDisabled extends CisHostCheck {

    ExperimentalFeaturesDisabled() {
        super("2.18", "Ensure that experimental features are not implemented in production", 1, false,
                Severity.MEDIUM,
                "Experimental features are not stable, may change between releases and get less security scrutiny.",
                "Remove '--experimental' (\"experimental\": true in daemon.json).",
                "Fails when ExperimentalBuild is true.");
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        return host.experimentalBuild() ? fail(Evidences.of("ExperimentalBuild", true, "false")) : Verdict.pass();
    }
}
