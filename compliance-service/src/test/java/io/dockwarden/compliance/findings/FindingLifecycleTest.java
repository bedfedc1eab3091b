package io.dockwarden.compliance.findings;

import static io.dockwarden.events.fixtures.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.CheckTarget;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.finding.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingLifecycleTest {

    private static final CheckInfo CHECK = new CheckInfo("5.13", Benchmarks.CIS_DOCKER_1_6_0, "Read-only root", 1,
            true, Severity.MEDIUM, "r", "Run with --read-only.", "d", CheckTarget.CONTAINER, CheckInfo.BUILT_IN);
    private static final FindingLifecycle.Subject SUBJECT = new FindingLifecycle.Subject("h", "c", "web", "nginx");
    private static final Verdict.Fail FAIL = Verdict.fail(Severity.MEDIUM,
            new Evidence("HostConfig.ReadonlyRootfs", "false", "true"));
    private static final Duration RETENTION = Duration.ofDays(31);

    private static FindingLifecycle.Step step(Map<String, Finding> before, Verdict verdict, Waiver waiver,
            Instant at) {
        return FindingLifecycle.advance(SUBJECT, before, List.of(new Assessment(CHECK, verdict, waiver)), at, at,
                RETENTION);
    }

    @Test
    void aFailureOpensOnceAndAPassResolvesOnce() {
        FindingLifecycle.Step opened = step(Map.of(), FAIL, null, T0);
        assertThat(opened.events()).singleElement().satisfies(event ->
                assertThat(event.data()).isInstanceOf(FindingOpened.class));
        FindingLifecycle.Step again = step(opened.findings(), FAIL, null, T0.plusSeconds(1));
        assertThat(again.events()).isEmpty();
        assertThat(again.findings()).isEqualTo(opened.findings());
        FindingLifecycle.Step resolved = step(again.findings(), Verdict.pass(), null, T0.plusSeconds(2));
        assertThat(resolved.events()).singleElement().satisfies(event ->
                assertThat(((FindingResolved) event.data()).reason()).isEqualTo("passed"));
        assertThat(step(resolved.findings(), Verdict.pass(), null, T0.plusSeconds(3)).events()).isEmpty();
    }

    @Test
    void notApplicableResolvesWithThatReason() {
        FindingLifecycle.Step opened = step(Map.of(), FAIL, null, T0);
        FindingLifecycle.Step step = step(opened.findings(), Verdict.notApplicable("no SELinux"), null, T0);
        assertThat(((FindingResolved) step.events().get(0).data()).reason()).isEqualTo("not-applicable");
        assertThat(step.results().get("5.13").note()).isEqualTo("no SELinux");
    }

    @Test
    void aNewWaiverIsPublishedButTheSameOneIsNot() {
        Waiver waiver = new Waiver("central", "W-1", "accepted", T0.plusSeconds(3600), "secops");
        FindingLifecycle.Step waived = step(Map.of(), FAIL, waiver, T0);
        assertThat(waived.events().get(0).data()).isInstanceOf(FindingWaived.class);
        assertThat(step(waived.findings(), FAIL, waiver, T0.plusSeconds(5)).events()).isEmpty();
        Waiver extended = new Waiver("central", "W-1", "accepted", T0.plusSeconds(7200), "secops");
        assertThat(step(waived.findings(), FAIL, extended, T0.plusSeconds(5)).events()).singleElement()
                .satisfies(event -> assertThat(((FindingWaived) event.data()).waiver()).isEqualTo(extended));
    }

    @Test
    void resolvedFindingsAreForgottenAfterTheirRetention() {
        FindingLifecycle.Step opened = step(Map.of(), FAIL, null, T0);
        FindingLifecycle.Step resolved = step(opened.findings(), Verdict.pass(), null, T0);
        Instant later = T0.plus(RETENTION).plusSeconds(1);
        assertThat(FindingLifecycle.advance(SUBJECT, resolved.findings(), List.of(new Assessment(CHECK,
                Verdict.pass(), null)), later, later, RETENTION).findings()).isEmpty();
    }

    @Test
    void eventIdsAreDeterministicAndDifferPerTransition() {
        FindingLifecycle.Step first = step(Map.of(), FAIL, null, T0);
        assertThat(step(Map.of(), FAIL, null, T0).events().get(0).id()).isEqualTo(first.events().get(0).id());
        FindingLifecycle.Step resolved = step(first.findings(), Verdict.pass(), null, T0.plusSeconds(1));
        assertThat(resolved.events().get(0).id()).isNotEqualTo(first.events().get(0).id());
        FindingLifecycle.Step reopened = step(resolved.findings(), FAIL, null, T0.plusSeconds(2));
        assertThat(reopened.events().get(0).id()).isNotEqualTo(first.events().get(0).id());
    }
}
