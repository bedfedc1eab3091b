package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.CheckTarget;
import io.dockwarden.compliance.checks.ContainerCheck;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.List;

/** A benchmark check over a container: carries the metadata, subclasses carry the logic. */
abstract class CisContainerCheck implements ContainerCheck {

    private final CheckInfo info;

    CisContainerCheck(String id, String title, int level, boolean scored, Severity severity, String rationale,
            String remediation, String description) {
        this.info = new CheckInfo(id, Benchmarks.CIS_DOCKER_1_6_0, title, level, scored, severity, rationale,
                remediation, description, CheckTarget.CONTAINER, CheckInfo.BUILT_IN);
    }

    @Override
    public final CheckInfo info() {
        return info;
    }

    final Verdict.Fail fail(Evidence... evidence) {
        return Verdict.fail(info.severity(), evidence);
    }

    final Verdict.Fail fail(List<Evidence> evidence) {
        return Verdict.fail(info.severity(), evidence);
    }

    @Override
    public String toString() {
        return info.id() + " " + info.title();
    }
}
