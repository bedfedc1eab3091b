package io.dockwarden.compliance.findings;

import io.dockwarden.compliance.checks.CheckCatalogue;
import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.ContainerCheck;
import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.HostCheck;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.compliance.waivers.LabelWaivers;
import io.dockwarden.compliance.waivers.WaiverBook;
import io.dockwarden.compliance.waivers.WaiverSubject;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.Waiver;
import io.dockwarden.events.host.HostSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs the catalogue over a subject and attaches waivers to failures. Immutable: a new catalogue or waiver book
 * makes a new assessor.
 *
 * @param catalogue the checks in force
 * @param waivers the central waivers in force
 * @param labelWaiverMaximum how far ahead a label waiver may expire
 */
public record Assessor(CheckCatalogue catalogue, WaiverBook waivers, Duration labelWaiverMaximum) {

    private static final LabelWaivers NO_LABELS = new LabelWaivers(Map.of(), List.of());

    public List<Assessment> assessContainer(String hostId, ContainerSnapshot container, @Nullable HostSnapshot host,
            Instant now) {
        ContainerContext context = new ContainerContext(container, host, now);
        LabelWaivers labelWaivers = LabelWaivers.of(container.labels(), now, labelWaiverMaximum);
        WaiverSubject subject = new WaiverSubject(hostId, host == null ? null : host.name(), container.name(),
                container.image().ref(), container.labels());
        List<ContainerCheck> checks = catalogue.containerChecks();
        List<Assessment> assessments = new ArrayList<>(checks.size());
        for (ContainerCheck check : checks) {
            Verdict verdict;
            try {
                verdict = check.evaluate(context);
            } catch (RuntimeException e) {
                verdict = broken(e);
            }
            assessments.add(withWaiver(check.info(), verdict, subject, labelWaivers, now));
        }
        return assessments;
    }

    public List<Assessment> assessHost(String hostId, HostSnapshot host, Instant now) {
        WaiverSubject subject = new WaiverSubject(hostId, host.name(), null, null, Map.of());
        List<HostCheck> checks = catalogue.hostChecks();
        List<Assessment> assessments = new ArrayList<>(checks.size());
        for (HostCheck check : checks) {
            Verdict verdict;
            try {
                verdict = check.evaluate(host);
            } catch (RuntimeException e) {
                verdict = broken(e);
            }
            assessments.add(withWaiver(check.info(), verdict, subject, NO_LABELS, now));
        }
        return assessments;
    }

    private Assessment withWaiver(CheckInfo check, Verdict verdict, WaiverSubject subject, LabelWaivers labelWaivers,
            Instant now) {
        @Nullable Waiver waiver = verdict instanceof Verdict.Fail
                ? waivers.cover(check.id(), subject, labelWaivers, now) : null;
        return new Assessment(check, verdict, waiver);
    }

    /** A check that throws is a bug in that check; it must not stop the others or the stream. */
    private static Verdict broken(RuntimeException e) {
        return Verdict.notApplicable("the check could not be evaluated: " + e.getClass().getSimpleName() + ": "
                + e.getMessage());
    }
}
