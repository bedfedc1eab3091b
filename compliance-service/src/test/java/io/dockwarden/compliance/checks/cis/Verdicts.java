package io.dockwarden.compliance.checks.cis;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.checks.ContainerCheck;
import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.HostCheck;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.EventFixtures;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.host.HostSnapshot;
import java.time.Instant;

/** Small helpers that keep the check tests to the facts they are about. */
final class Verdicts {

    static final Instant NOW = EventFixtures.T0.plusSeconds(60);

    private Verdicts() {
    }

    /** A container that passes every container check; tests change the one fact they are about. */
    static ContainerSnapshotBuilder compliant() {
        return ContainerSnapshotBuilder.from(ContainerSnapshots.hardened());
    }

    static Verdict on(ContainerCheck check, ContainerSnapshot container) {
        return check.evaluate(new ContainerContext(container, HostSnapshots.hardened(), NOW));
    }

    static Verdict on(ContainerCheck check, ContainerSnapshot container, HostSnapshot host) {
        return check.evaluate(new ContainerContext(container, host, NOW));
    }

    static Verdict onUnknownHost(ContainerCheck check, ContainerSnapshot container) {
        return check.evaluate(new ContainerContext(container, null, NOW));
    }

    static Verdict on(HostCheck check, HostSnapshot host) {
        return check.evaluate(host);
    }

    static void passes(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
    }

    static Verdict.Fail fails(Verdict verdict, Severity severity) {
        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        Verdict.Fail fail = (Verdict.Fail) verdict;
        assertThat(fail.severity()).isEqualTo(severity);
        return fail;
    }

    static Evidence onlyEvidence(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(((Verdict.Fail) verdict).evidence()).hasSize(1);
        return ((Verdict.Fail) verdict).evidence().get(0);
    }

    static String notApplicable(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.NotApplicable.class);
        return ((Verdict.NotApplicable) verdict).why();
    }
}
