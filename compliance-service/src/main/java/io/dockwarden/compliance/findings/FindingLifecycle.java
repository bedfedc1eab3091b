package io.dockwarden.compliance.findings;

import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.FindingEvent;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.events.finding.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rules by which verdicts move findings: a failure opens (or, covered by a waiver, waives) a finding; a pass or a
 * not-applicable verdict resolves it; a waiver that lapses or is withdrawn reopens it; a check that is no longer in
 * the catalogue resolves its findings; a verdict that does not change the status emits nothing.
 */
public final class FindingLifecycle {

    public static final String OPENED_FAILED = "failed";
    public static final String OPENED_WAIVER_EXPIRED = "waiver-expired";
    public static final String OPENED_WAIVER_WITHDRAWN = "waiver-withdrawn";
    public static final String RESOLVED_PASSED = "passed";
    public static final String RESOLVED_NOT_APPLICABLE = "not-applicable";
    public static final String RESOLVED_CONTAINER_REMOVED = "container-removed";
    public static final String RESOLVED_CHECK_REMOVED = "check-removed";

    private FindingLifecycle() {
    }

    /**
     * Who the findings are about.
     *
     * @param hostId the engine's host id
     * @param containerId the container, absent for host checks
     * @param containerName the container's name
     * @param image the container's image reference
     */
    public record Subject(String hostId, @Nullable String containerId, @Nullable String containerName,
            @Nullable String image) {
    }

    /**
     * The result of applying verdicts.
     *
     * @param results the last verdict per check
     * @param findings the findings per check after the step
     * @param events the lifecycle events to publish, in order
     */
    public record Step(Map<String, CheckResult> results, Map<String, Finding> findings, List<IdentifiedEvent> events) {

        public Step {
            results = Map.copyOf(results);
            findings = Map.copyOf(findings);
            events = List.copyOf(events);
        }
    }

    /**
     * Applies a fresh set of verdicts.
     *
     * @param subject who they are about
     * @param previous the findings before, by check id
     * @param assessments every check of the catalogue for this kind of subject, with its verdict and waiver
     * @param at when the facts were observed: the event's time, or the time of a re-evaluation
     * @param now the current time, for waiver expiry and for forgetting old resolved findings
     * @param resolvedRetention how long resolved findings are kept for reports
     */
    public static Step advance(Subject subject, Map<String, Finding> previous, List<Assessment> assessments,
            Instant at, Instant now, Duration resolvedRetention) {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<IdentifiedEvent> events = new ArrayList<>();
        for (Assessment assessment : assessments) {
            CheckInfo check = assessment.check();
            Finding before = previous.get(check.id());
            Verdict verdict = assessment.verdict();
            Finding after;
            if (verdict instanceof Verdict.Fail fail) {
                results.put(check.id(), CheckResult.FAIL);
                after = failed(subject, check, fail, assessment.waiver(), before, at, now, events);
            } else if (verdict instanceof Verdict.NotApplicable notApplicable) {
                results.put(check.id(), new CheckResult(Outcome.NOT_APPLICABLE, notApplicable.why()));
                after = resolved(subject, before, RESOLVED_NOT_APPLICABLE, at, events);
            } else {
                results.put(check.id(), CheckResult.PASS);
                after = resolved(subject, before, RESOLVED_PASSED, at, events);
            }
            if (after != null) {
                findings.put(check.id(), after);
            }
        }
        for (Finding before : previous.values()) {
            if (findings.containsKey(before.checkId()) || results.containsKey(before.checkId())) {
                continue;
            }
            Finding after = resolved(subject, before, RESOLVED_CHECK_REMOVED, at, events);
            if (after != null) {
                findings.put(before.checkId(), after);
            }
        }
        Instant forgetBefore = now.minus(resolvedRetention);
        findings.values().removeIf(finding -> finding.status() == FindingStatus.RESOLVED
                && finding.changedAt().isBefore(forgetBefore));
        return new Step(results, findings, events);
    }

    /** Resolves every open or waived finding, such as when the container is removed. */
    public static Step resolveAll(Subject subject, Map<String, Finding> previous, String reason, Instant at) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<IdentifiedEvent> events = new ArrayList<>();
        for (Finding before : previous.values()) {
            Finding after = resolved(subject, before, reason, at, events);
            if (after != null) {
                findings.put(before.checkId(), after);
            }
        }
        return new Step(Map.of(), findings, events);
    }

    private static Finding failed(Subject subject, CheckInfo check, Verdict.Fail fail, @Nullable Waiver waiver,
            @Nullable Finding before, Instant at, Instant now, List<IdentifiedEvent> events) {
        boolean active = before != null && before.status().active();
        int generation = before == null ? 0 : before.generation();
        Instant openedAt = active ? before.openedAt() : at;
        if (waiver != null) {
            boolean sameWaiver = before != null && before.status() == FindingStatus.WAIVED
                    && Objects.equals(before.waiver(), waiver);
            Finding after = new Finding(findingId(subject, check.id()), check.id(), check.benchmark(), check.title(),
                    FindingStatus.WAIVED, fail.severity(), check.level(), check.scored(), check.remediation(),
                    fail.evidence(), waiver, openedAt, sameWaiver ? before.changedAt() : at, null,
                    sameWaiver ? generation : generation + 1);
            if (!sameWaiver) {
                events.add(event(after, at, new FindingWaived(after.findingId(), subject.hostId(),
                        subject.containerId(), nonEmpty(subject.containerName()), check.id(), check.benchmark(),
                        check.title(), fail.severity(), fail.evidence(), at, waiver)));
            }
            return after;
        }
        if (before != null && before.status() == FindingStatus.OPEN) {
            if (before.severity() == fail.severity() && before.evidence().equals(fail.evidence())
                    && before.title().equals(check.title()) && before.remediation().equals(check.remediation())) {
                // The common case under a steady stream of snapshots: nothing about the finding changed.
                return before;
            }
            return new Finding(before.findingId(), check.id(), check.benchmark(), check.title(), FindingStatus.OPEN,
                    fail.severity(), check.level(), check.scored(), check.remediation(), fail.evidence(), null,
                    before.openedAt(), before.changedAt(), null, generation);
        }
        String reason = OPENED_FAILED;
        Instant when = at;
        if (before != null && before.status() == FindingStatus.WAIVED) {
            Waiver lapsed = before.waiver();
            Instant expiry = lapsed == null ? null : lapsed.expiresAt();
            if (expiry != null && !now.isBefore(expiry)) {
                reason = OPENED_WAIVER_EXPIRED;
                // Open as of the expiry itself: the same moment whichever instance or sweep notices it.
                when = expiry.isBefore(at) ? expiry : at;
            } else {
                reason = OPENED_WAIVER_WITHDRAWN;
            }
        }
        Finding after = new Finding(findingId(subject, check.id()), check.id(), check.benchmark(), check.title(),
                FindingStatus.OPEN, fail.severity(), check.level(), check.scored(), check.remediation(),
                fail.evidence(), null, active ? openedAt : when, when, null, generation + 1);
        events.add(event(after, when, new FindingOpened(after.findingId(), subject.hostId(), subject.containerId(),
                nonEmpty(subject.containerName()), nonEmpty(subject.image()), check.id(), check.benchmark(),
                check.title(), fail.severity(), check.level(), check.scored(), fail.evidence(), check.remediation(),
                when, reason)));
        return after;
    }

    private static @Nullable Finding resolved(Subject subject, @Nullable Finding before, String reason, Instant at,
            List<IdentifiedEvent> events) {
        if (before == null || !before.status().active()) {
            return before;
        }
        Finding after = new Finding(before.findingId(), before.checkId(), before.benchmark(), before.title(),
                FindingStatus.RESOLVED, before.severity(), before.level(), before.scored(), before.remediation(),
                before.evidence(), null, before.openedAt(), at, reason, before.generation() + 1);
        events.add(event(after, at, new FindingResolved(after.findingId(), subject.hostId(), subject.containerId(),
                nonEmpty(subject.containerName()), before.checkId(), before.benchmark(), before.title(),
                before.severity(), at, reason)));
        return after;
    }

    private static IdentifiedEvent event(Finding finding, Instant at, FindingEvent data) {
        return new IdentifiedEvent(Uuids.v5("finding-event:" + finding.findingId() + "#" + finding.generation() + "@"
                + at.toEpochMilli()), at, data);
    }

    static String findingId(Subject subject, String checkId) {
        return Uuids.findingId(subject.hostId(), subject.containerId(), checkId);
    }

    private static @Nullable String nonEmpty(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
