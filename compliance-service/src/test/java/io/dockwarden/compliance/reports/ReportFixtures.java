package io.dockwarden.compliance.reports;

import static io.dockwarden.events.fixtures.EventFixtures.HOST_ID;
import static io.dockwarden.events.fixtures.EventFixtures.T0;

import io.dockwarden.compliance.checks.CheckCatalogue;
import io.dockwarden.compliance.checks.CheckSettings;
import io.dockwarden.compliance.checks.cis.CisChecks;
import io.dockwarden.compliance.findings.Assessment;
import io.dockwarden.compliance.findings.Assessor;
import io.dockwarden.compliance.findings.FindingLifecycle;
import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.compliance.waivers.WaiverBook;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.host.HostSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Subject states as the lifecycle leaves them, for report tests. */
final class ReportFixtures {

    static final CheckCatalogue CATALOGUE = new CheckCatalogue(CisChecks.all(CheckSettings.defaults()));
    static final Assessor ASSESSOR = new Assessor(CATALOGUE, WaiverBook.EMPTY, Duration.ofDays(180));

    private ReportFixtures() {
    }

    static SubjectState host(String hostId, HostSnapshot host) {
        List<Assessment> assessments = ASSESSOR.assessHost(hostId, host, T0);
        FindingLifecycle.Step step = FindingLifecycle.advance(new FindingLifecycle.Subject(hostId, null, null, null),
                Map.of(), assessments, T0, T0, Duration.ofDays(31));
        return new SubjectState(hostId, 1, hostId, null, null, null, "e", T0, null, host, null, step.results(),
                step.findings(), T0);
    }

    static SubjectState container(String hostId, String containerId, ContainerSnapshot container) {
        List<Assessment> assessments = ASSESSOR.assessContainer(hostId, container, HostSnapshots.hardened(), T0);
        FindingLifecycle.Step step = FindingLifecycle.advance(new FindingLifecycle.Subject(hostId, containerId,
                container.name(), container.image().ref()), Map.of(), assessments, T0, T0, Duration.ofDays(31));
        return new SubjectState(SubjectState.containerKey(hostId, containerId), 1, hostId, containerId,
                container.name(), container.image().ref(), "e", T0, container, null, null, step.results(),
                step.findings(), T0);
    }

    /** Two hosts: a hardened one with a hardened container, an insecure one with a privileged container. */
    static List<SubjectState> fleet() {
        return List.of(
                host(HOST_ID, HostSnapshots.hardened()),
                container(HOST_ID, "c1", ContainerSnapshots.hardened()),
                host("host-2", HostSnapshots.insecure()),
                container("host-2", "c2", ContainerSnapshots.privileged()),
                container("host-2", "c3", ContainerSnapshotBuilder.from(ContainerSnapshots.hardened())
                        .name("evil,\"name\"").label("dockwarden.waive.5.13", "=HYPERLINK(\"x\")")
                        .readonlyRootfs(false).build()));
    }
}
