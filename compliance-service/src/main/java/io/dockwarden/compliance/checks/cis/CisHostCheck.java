package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.CheckTarget;
import io.dockwarden.compliance.checks.HostCheck;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;

/** A benchmark check over the engine's configuration. */
abstract class CisHostCheck implements HostCheck {

    private final CheckInfo info;

    CisHostCheck(String id, String title, int level, boolean scored, Severity severity, String rationale,
            String remediation, String description) {
        this.info = new CheckInfo(id, Benchmarks.CIS_DOCKER_1_6_0, title, level, scored, severity, rationale,
                remediation, description, CheckTarget.HOST, CheckInfo.BUILT_IN);
    }

    @Override
    public final CheckInfo info() {
        return info;
    }

    final Verdict.Fail fail(Evidence... evidence) {
        return Verdict.fail(info.severity(), evidence);
    }

    @Override
    public String toString() {
        return info.id() + " " + info.title();
    }
}
