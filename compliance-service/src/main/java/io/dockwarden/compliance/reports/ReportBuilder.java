package io.dockwarden.compliance.reports;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckCatalogue;
import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.findings.CheckResult;
import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.compliance.findings.FindingStatus;
import io.dockwarden.compliance.findings.Outcome;
import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.events.finding.Waiver;
import io.dockwarden.events.report.ReportPublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Builds a report from the subject states and the catalogue: pure, so posture and archived reports agree. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /**
     * The report in the chain before this one.
     *
     * @param reportId its id
     * @param sha256 the SHA-256 of its JSON object
     * @param generatedAt when it was generated: findings resolved since then are counted
     */
    public record Previous(String reportId, String sha256, Instant generatedAt) {
    }

    public static Report build(String reportId, Instant generatedAt, String trigger, Collection<SubjectState> states,
            CheckCatalogue catalogue, @Nullable Previous previous) {
        Map<String, List<SubjectState>> containersByHost = new TreeMap<>();
        Map<String, SubjectState> hostStates = new TreeMap<>();
        for (SubjectState state : states) {
            if (state.isRemoved()) {
                continue;
            }
            if (state.isContainer()) {
                containersByHost.computeIfAbsent(state.hostId(), id -> new ArrayList<>()).add(state);
            } else {
                hostStates.put(state.hostId(), state);
                containersByHost.computeIfAbsent(state.hostId(), id -> new ArrayList<>());
            }
        }
        List<HostReport> hosts = new ArrayList<>();
        Scores fleet = Scores.NONE;
        int containerCount = 0;
        for (Map.Entry<String, List<SubjectState>> entry : containersByHost.entrySet()) {
            SubjectState hostState = hostStates.get(entry.getKey());
            List<CheckVerdict> hostChecks = hostState == null ? List.of() : verdicts(hostState, catalogue.hostChecks());
            Scores hostScores = score(hostChecks, catalogue);
            List<ContainerReport> containers = new ArrayList<>();
            List<SubjectState> containerStates = new ArrayList<>(entry.getValue());
            containerStates.sort(Comparator.comparing((SubjectState s) -> s.containerName() == null ? ""
                    : s.containerName()).thenComparing(SubjectState::key));
            for (SubjectState container : containerStates) {
                List<CheckVerdict> checks = verdicts(container, catalogue.containerChecks());
                Scores scores = score(checks, catalogue);
                hostScores = hostScores.plus(scores);
                containers.add(new ContainerReport(container.containerId(), text(container.containerName()),
                        text(container.image()), container.container() == null ? "" : container.container().status(),
                        scores, checks));
            }
            containerCount += containers.size();
            fleet = fleet.plus(hostScores);
            hosts.add(new HostReport(entry.getKey(), hostState == null || hostState.host() == null ? null
                    : hostState.host().name(), hostState == null || hostState.host() == null ? null
                    : hostState.host().serverVersion(), hostScores, hostChecks, containers));
        }

        List<ReportFinding> findings = new ArrayList<>();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        Map<String, WaiverTally> waivers = new LinkedHashMap<>();
        Instant resolvedSince = previous == null ? Instant.MIN : previous.generatedAt();
        for (SubjectState state : states) {
            for (Finding finding : state.findings().values()) {
                boolean current = !state.isRemoved() && finding.status().active();
                boolean recentlyResolved = finding.status() == FindingStatus.RESOLVED
                        && finding.changedAt().isAfter(resolvedSince);
                if (!current && !recentlyResolved) {
                    continue;
                }
                findings.add(new ReportFinding(state.hostId(), state.containerId(), state.containerName(),
                        state.image(), finding));
                byStatus.merge(finding.status().wireName(), 1, Integer::sum);
                if (finding.status() == FindingStatus.OPEN) {
                    bySeverity.merge(finding.severity().wireName(), 1, Integer::sum);
                }
                Waiver waiver = finding.waiver();
                if (finding.status() == FindingStatus.WAIVED && waiver != null) {
                    // A label waiver is the container's own; the same label on two containers is two waivers.
                    String identity = waiver.source() + "|" + waiver.reference()
                            + ("label".equals(waiver.source()) ? "|" + state.key() : "");
                    waivers.computeIfAbsent(identity, id -> new WaiverTally(waiver)).count++;
                }
            }
        }
        findings.sort(Comparator.comparing((ReportFinding f) -> f.finding().status())
                .thenComparing(f -> f.finding().severity()).thenComparing(ReportFinding::hostId)
                .thenComparing(f -> text(f.containerName())).thenComparing(f -> f.finding().checkId()));
        List<WaiverInForce> waiversInForce = new ArrayList<>();
        for (WaiverTally tally : waivers.values()) {
            waiversInForce.add(new WaiverInForce(tally.waiver.source(), tally.waiver.reference(),
                    tally.waiver.justification(), tally.waiver.expiresAt(), tally.waiver.approvedBy(), tally.count));
        }
        ReportPublished.Summary summary = new ReportPublished.Summary(hosts.size(), containerCount, byStatus,
                bySeverity, fleet.overall().percent(), fleet.level1().percent(), fleet.level2().percent(),
                waiversInForce.size());
        List<CheckDescription> checks = new ArrayList<>();
        for (Check check : catalogue.all()) {
            checks.add(CheckDescription.of(check.info()));
        }
        return new Report(reportId, generatedAt, trigger, Benchmarks.CIS_DOCKER_1_6_0,
                previous == null ? null : previous.reportId(), previous == null ? null : previous.sha256(), summary,
                fleet, hosts, findings, waiversInForce, checks, List.of());
    }

    private static List<CheckVerdict> verdicts(SubjectState state, List<? extends Check> checks) {
        List<CheckVerdict> verdicts = new ArrayList<>();
        for (Check check : checks) {
            CheckResult result = state.results().get(check.id());
            if (result == null) {
                continue;
            }
            Finding finding = state.findings().get(check.id());
            if (result.outcome() == Outcome.FAIL && finding != null && finding.status().active()) {
                boolean waived = finding.status() == FindingStatus.WAIVED;
                verdicts.add(new CheckVerdict(check.id(), waived ? CheckVerdict.WAIVED : CheckVerdict.FAIL,
                        finding.severity(), finding.findingId(), finding.evidence(), finding.waiver(), null,
                        finding.openedAt()));
            } else if (result.outcome() == Outcome.NOT_APPLICABLE) {
                verdicts.add(new CheckVerdict(check.id(), CheckVerdict.NOT_APPLICABLE, null, null, null, null,
                        result.note(), null));
            } else {
                verdicts.add(new CheckVerdict(check.id(), CheckVerdict.PASS, null, null, null, null, null, null));
            }
        }
        return verdicts;
    }

    private static Scores score(List<CheckVerdict> verdicts, CheckCatalogue catalogue) {
        int[] passed = new int[3];
        int[] scored = new int[3];
        for (CheckVerdict verdict : verdicts) {
            CheckInfo info = catalogue.find(verdict.checkId()).map(Check::info).orElse(null);
            if (info == null || !info.scored() || verdict.status().equals(CheckVerdict.NOT_APPLICABLE)) {
                continue;
            }
            boolean pass = verdict.status().equals(CheckVerdict.PASS);
            scored[0]++;
            scored[info.level()]++;
            if (pass) {
                passed[0]++;
                passed[info.level()]++;
            }
        }
        return new Scores(Score.of(passed[0], scored[0]), Score.of(passed[1], scored[1]),
                Score.of(passed[2], scored[2]));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** Counts the findings one waiver covers. */
    private static final class WaiverTally {

        private final Waiver waiver;
        private int count;

        WaiverTally(Waiver waiver) {
            this.waiver = waiver;
        }
    }
}
