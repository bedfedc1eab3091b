package io.dockwarden.compliance.checks.cis;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckSettings;
import io.dockwarden.compliance.checks.CheckTarget;
import io.dockwarden.compliance.checks.ContainerCheck;
import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.HostCheck;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.HostSnapshots;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CisChecksTest {

    private final List<Check> checks = CisChecks.all(CheckSettings.defaults());

    @Test
    void coversEveryCheckDecidableFromTheEngineApi() {
        assertThat(checks.stream().filter(check -> check.info().target() == CheckTarget.CONTAINER).map(Check::id))
                .containsExactly("4.1", "4.6", "4.7", "4.9", "4.10", "5.2", "5.3", "5.4", "5.5", "5.6", "5.8", "5.9",
                        "5.10", "5.11", "5.12", "5.13", "5.14", "5.15", "5.16", "5.17", "5.18", "5.19", "5.20",
                        "5.21", "5.22", "5.25", "5.26", "5.27", "5.29", "5.30", "5.31", "5.32");
        assertThat(checks.stream().filter(check -> check.info().target() == CheckTarget.HOST).map(Check::id))
                .containsExactly("5.1", "2.2", "2.5", "2.6", "2.9", "2.13", "2.15", "2.17", "2.18");
    }

    @Test
    void everyCheckCarriesItsMetadata() {
        for (Check check : checks) {
            assertThat(check.info().benchmark()).isEqualTo(Benchmarks.CIS_DOCKER_1_6_0);
            assertThat(check.info().title()).as(check.id()).matches("(Ensure|Enable) .+");
            assertThat(check.info().rationale()).isNotBlank();
            assertThat(check.info().remediation()).isNotBlank();
            assertThat(check.info().description()).isNotBlank();
        }
    }

    @Test
    void saysWhereItIsStricterThanDockerBenchSecurity() {
        Set<String> stricter = checks.stream()
                .filter(check -> check.info().description().contains("docker-bench-security"))
                .map(Check::id).collect(Collectors.toSet());
        assertThat(stricter).containsAll(Set.of("4.1", "5.2", "5.3", "5.4", "5.6", "5.8", "5.12", "5.14", "5.15",
                "5.26", "5.32"));
    }

    @Test
    void followsTheBenchmarksLevelsAndScoring() {
        Map<String, Check> byId = checks.stream().collect(Collectors.toMap(Check::id, check -> check));
        for (String levelTwo : List.of("5.3", "5.30", "2.9", "2.13", "2.17")) {
            assertThat(byId.get(levelTwo).info().level()).as(levelTwo).isEqualTo(2);
        }
        for (String manual : List.of("4.7", "4.9", "4.10", "5.9", "5.18", "5.19", "5.30", "2.17", "2.18")) {
            assertThat(byId.get(manual).info().scored()).as(manual).isFalse();
        }
    }

    @Test
    void aHardenedContainerOnAHardenedEngineOnlyShowsItsPublishedPort() {
        ContainerContext context = new ContainerContext(ContainerSnapshots.hardened(), HostSnapshots.hardened(),
                Verdicts.NOW);
        Map<String, Verdict> verdicts = checks.stream().filter(ContainerCheck.class::isInstance)
                .map(ContainerCheck.class::cast)
                .collect(Collectors.toMap(Check::id, check -> check.evaluate(context)));
        assertThat(verdicts.entrySet().stream().filter(entry -> entry.getValue() instanceof Verdict.Fail)
                .map(Map.Entry::getKey)).containsExactly("5.9");
    }

    @Test
    void thePrivilegedFixtureFailsTheIsolationChecks() {
        ContainerContext context = new ContainerContext(ContainerSnapshots.privileged(), HostSnapshots.hardened(),
                Verdicts.NOW);
        Set<String> failing = checks.stream().filter(ContainerCheck.class::isInstance).map(ContainerCheck.class::cast)
                .filter(check -> check.evaluate(context) instanceof Verdict.Fail).map(Check::id)
                .collect(Collectors.toSet());
        assertThat(failing).contains("4.1", "5.2", "5.4", "5.5", "5.6", "5.9", "5.10", "5.11", "5.14", "5.15", "5.16",
                "5.17", "5.20", "5.21", "5.22", "5.26", "5.27", "5.29", "5.31", "5.32");
    }

    @Test
    void anInsecureEngineFailsTheHostChecks() {
        Set<String> failing = checks.stream().filter(HostCheck.class::isInstance).map(HostCheck.class::cast)
                .filter(check -> check.evaluate(HostSnapshots.insecure()) instanceof Verdict.Fail).map(Check::id)
                .collect(Collectors.toSet());
        assertThat(failing).containsExactlyInAnyOrder("5.1", "2.2", "2.5", "2.9", "2.13", "2.17", "2.18");
    }

    @Test
    void disabledChecksAreLeftOut() {
        CheckSettings settings = new CheckSettings(false, Set.of(), false, Set.of(), Set.of(), Set.of("5.19", "5.9"));
        assertThat(CisChecks.all(settings)).extracting(Check::id).doesNotContain("5.19", "5.9").hasSize(39);
    }
}
