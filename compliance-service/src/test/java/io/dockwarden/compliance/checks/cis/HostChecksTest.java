package io.dockwarden.compliance.checks.cis;

import static io.dockwarden.compliance.checks.cis.Verdicts.fails;
import static io.dockwarden.compliance.checks.cis.Verdicts.notApplicable;
import static io.dockwarden.compliance.checks.cis.Verdicts.on;
import static io.dockwarden.compliance.checks.cis.Verdicts.onlyEvidence;
import static io.dockwarden.compliance.checks.cis.Verdicts.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.host.HostSnapshot.RegistryIndex;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostChecksTest {

    @Test
    void swarmModeFailsUnlessInactive() {
        SwarmModeDisabled check = new SwarmModeDisabled();
        passes(on(check, HostSnapshots.minimal()));
        assertThat(onlyEvidence(fails(on(check, HostSnapshots.insecure()), Severity.MEDIUM)).actual())
                .isEqualTo("active");
        fails(on(check, HostSnapshots.builder().swarmLocalNodeState("locked").build()), Severity.MEDIUM);
        notApplicable(on(check, HostSnapshots.builder().swarmLocalNodeState("").build()));
    }

    @Test
    void interContainerCommunicationMustBeOff() {
        InterContainerTrafficRestricted check = new InterContainerTrafficRestricted();
        passes(on(check, HostSnapshots.hardened()));
        fails(on(check, HostSnapshots.insecure()), Severity.MEDIUM);
        assertThat(notApplicable(on(check, HostSnapshots.minimal()))).contains("no default bridge");
    }

    @Test
    void insecureRegistriesBeyondLoopbackFail() {
        NoInsecureRegistries check = new NoInsecureRegistries();
        passes(on(check, HostSnapshots.minimal()));
        passes(on(check, HostSnapshots.hardened()));
        Verdict.Fail fail = fails(on(check, HostSnapshots.insecure()), Severity.HIGH);
        assertThat(fail.evidence()).extracting(evidence -> evidence.field()).containsExactly(
                "RegistryConfig.InsecureRegistryCIDRs", "RegistryConfig.IndexConfigs[registry.internal:5000].Secure");
        assertThat(fail.evidence().get(0).actual()).isEqualTo("[198.51.100.0/24]");
    }

    @Test
    void anInsecureIndexAloneFails() {
        fails(on(new NoInsecureRegistries(), HostSnapshots.builder().registryIndexes(List.of(
                new RegistryIndex("localhost:5000", false, false))).build()), Severity.HIGH);
    }

    @Test
    void aufsFails() {
        AufsNotUsed check = new AufsNotUsed();
        passes(on(check, HostSnapshots.minimal()));
        fails(on(check, HostSnapshots.builder().storageDriver("aufs").build()), Severity.MEDIUM);
    }

    @Test
    void userNamespacesAreLevelTwo() {
        UserNamespaceSupport check = new UserNamespaceSupport();
        assertThat(check.info().level()).isEqualTo(2);
        passes(on(check, HostSnapshots.hardened()));
        fails(on(check, HostSnapshots.minimal()), Severity.MEDIUM);
        fails(on(check, HostSnapshots.builder().securityOptions(List.of("name=usernsx")).build()), Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json-file", "local"})
    void localLogDriversFailUnlessShippingIsDeclared(String driver) {
        fails(on(new CentralisedLogging(false), HostSnapshots.builder().loggingDriver(driver).build()), Severity.LOW);
        passes(on(new CentralisedLogging(true), HostSnapshots.builder().loggingDriver(driver).build()));
    }

    @Test
    void remoteLogDriversPass() {
        passes(on(new CentralisedLogging(false), HostSnapshots.builder().loggingDriver("fluentd").build()));
    }

    @Test
    void liveRestorePassesOnSwarmNodes() {
        LiveRestoreEnabled check = new LiveRestoreEnabled();
        passes(on(check, HostSnapshots.hardened()));
        fails(on(check, HostSnapshots.minimal()), Severity.LOW);
        passes(on(check, HostSnapshots.insecure()));
    }

    @Test
    void seccompProfileMustBeDefaultOrDeclared() {
        SeccompProfileApplied check = new SeccompProfileApplied(Set.of("/etc/docker/seccomp-strict.json"));
        passes(on(check, HostSnapshots.minimal()));
        passes(on(check, HostSnapshots.builder().securityOptions(List.of("name=seccomp,profile=default")).build()));
        passes(on(check, HostSnapshots.builder().securityOptions(List.of(
                "name=seccomp,profile=/etc/docker/seccomp-strict.json")).build()));
        fails(on(check, HostSnapshots.builder().securityOptions(List.of("name=seccomp,profile=unconfined")).build()),
                Severity.MEDIUM);
        fails(on(check, HostSnapshots.insecure()), Severity.MEDIUM);
    }

    @Test
    void experimentalFeaturesFail() {
        ExperimentalFeaturesDisabled check = new ExperimentalFeaturesDisabled();
        passes(on(check, HostSnapshots.minimal()));
        fails(on(check, HostSnapshots.insecure()), Severity.MEDIUM);
    }
}
