package io.dockwarden.compliance.reports;

import static io.dockwarden.events.fixtures.EventFixtures.HOST_ID;
import static io.dockwarden.events.fixtures.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.HostSnapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private final Report report = ReportBuilder.build("r1", T0, Report.ON_DEMAND, ReportFixtures.fleet(),
            ReportFixtures.CATALOGUE, null);

    @Test
    void listsEveryHostAndContainerWithPerCheckVerdicts() {
        assertThat(report.hosts()).extracting(HostReport::hostId).containsExactly(HOST_ID, "host-2");
        HostReport first = report.hosts().get(0);
        assertThat(first.name()).isEqualTo("docker-01");
        assertThat(first.hostChecks()).hasSize(ReportFixtures.CATALOGUE.hostChecks().size());
        assertThat(first.containers()).singleElement().satisfies(container ->
                assertThat(container.checks()).hasSize(ReportFixtures.CATALOGUE.containerChecks().size()));
        assertThat(report.summary().hosts()).isEqualTo(2);
        assertThat(report.summary().containers()).isEqualTo(3);
    }

    @Test
    void scoresPassedOverScoredPerContainerHostAndFleetByLevel() {
        ContainerReport hardened = report.hosts().get(0).containers().get(0);
        assertThat(hardened.scores().overall().percent()).isEqualTo(100.0);
        assertThat(hardened.scores().level2().scored()).isZero();
        ContainerReport privileged = report.hosts().get(1).containers().stream()
                .filter(container -> container.containerId().equals("c2")).findFirst().orElseThrow();
        assertThat(privileged.scores().overall().percent()).isLessThan(30.0);
        Scores fleet = report.scores();
        int scored = report.hosts().stream().mapToInt(host -> host.scores().overall().scored()).sum();
        assertThat(fleet.overall().scored()).isEqualTo(scored);
        assertThat(fleet.overall().scored()).isEqualTo(fleet.level1().scored() + fleet.level2().scored());
        assertThat(report.summary().scorePercent()).isEqualTo(fleet.overall().percent());
    }

    @Test
    void countsOpenFindingsBySeverityAndStatus() {
        int open = report.summary().findingsByStatus().get("open");
        assertThat(open).isEqualTo(report.findings().size());
        assertThat(report.summary().failuresBySeverity().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(open);
        assertThat(report.summary().failuresBySeverity()).containsKey("critical");
    }

    @Test
    void anEmptyFleetScoresAHundred() {
        Report empty = ReportBuilder.build("r0", T0, Report.SCHEDULED, List.of(), ReportFixtures.CATALOGUE, null);
        assertThat(empty.summary().scorePercent()).isEqualTo(100.0);
        assertThat(empty.hosts()).isEmpty();
    }

    @Test
    void containersOfAnUnobservedEngineAreStillReported() {
        Report partial = ReportBuilder.build("r2", T0, Report.SCHEDULED, List.of(ReportFixtures.container("host-9",
                "c9", ContainerSnapshots.hardened())), ReportFixtures.CATALOGUE, null);
        assertThat(partial.hosts()).singleElement().satisfies(host -> {
            assertThat(host.name()).isNull();
            assertThat(host.hostChecks()).isEmpty();
            assertThat(host.containers()).hasSize(1);
        });
        assertThat(ReportFixtures.host("h", HostSnapshots.minimal()).findings()).isNotEmpty();
    }
}
