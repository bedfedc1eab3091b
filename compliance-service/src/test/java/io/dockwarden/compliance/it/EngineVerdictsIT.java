package io.dockwarden.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckCatalogue;
import io.dockwarden.compliance.checks.CheckSettings;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.compliance.checks.cis.CisChecks;
import io.dockwarden.compliance.findings.Assessment;
import io.dockwarden.compliance.findings.Assessor;
import io.dockwarden.compliance.waivers.LabelWaiverCheck;
import io.dockwarden.compliance.waivers.WaiverBook;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.snapshots.ContainerSnapshots;
import io.dockwarden.snapshots.HostSnapshots;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers made on the local engine with bad and good settings, inspected through the inventory's own mapping, give
 * the verdicts the benchmark expects: the checks read what the engine really reports, not what fixtures assume.
 */
@RequiresDocker
class EngineVerdictsIT {

    private static final DockerEngine ENGINE = DockerEngine.local();
    private static final Assessor ASSESSOR = new Assessor(new CheckCatalogue(catalogue()), WaiverBook.EMPTY,
            Duration.ofDays(180));
    private static HostSnapshot host;

    private static List<Check> catalogue() {
        List<Check> checks = new ArrayList<>(CisChecks.all(CheckSettings.defaults()));
        checks.add(new LabelWaiverCheck(Duration.ofDays(180)));
        return checks;
    }

    @BeforeAll
    static void engineFacts() {
        DockerClient client = ENGINE.client();
        host = HostSnapshots.from(client.infoCmd().exec(), client.versionCmd().exec(), defaultBridge(client));
    }

    private static @Nullable Network defaultBridge(DockerClient client) {
        try {
            return client.inspectNetworkCmd().withNetworkId("bridge").exec();
        } catch (NotFoundException noBridge) {
            return null;
        }
    }

    private static String name(String role) {
        return "compliance-it-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Verdict> verdicts(String containerId) {
        ContainerSnapshot snapshot = ContainerSnapshots.inspect(ENGINE.client(), containerId);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Assessment assessment : ASSESSOR.assessContainer("local", snapshot, host, Instant.now())) {
            verdicts.put(assessment.check().id(), assessment.verdict());
        }
        return verdicts;
    }

    private static Severity failed(Map<String, Verdict> verdicts, String checkId) {
        assertThat(verdicts.get(checkId)).as(checkId).isInstanceOf(Verdict.Fail.class);
        return ((Verdict.Fail) verdicts.get(checkId)).severity();
    }

    private static void passed(Map<String, Verdict> verdicts, String checkId) {
        assertThat(verdicts.get(checkId)).as(checkId).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void aContainerCreatedWithBadSettingsFailsTheChecksForThem() throws Exception {
        Path shared = Files.createTempDirectory("compliance-it-shared-");
        String id = ENGINE.createContainer(name("bad"), command -> command
                .withUser("0:0")
                .withLabels(Map.of("dockwarden.waive.5.13", ""))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withPrivileged(true)
                        .withCapAdd(Capability.SYS_ADMIN)
                        .withPidMode("host")
                        .withIpcMode("host")
                        .withUtSMode("host")
                        .withBinds(new Bind("/etc/ssl", new Volume("/certs"), AccessMode.ro),
                                new Bind("/var/run/docker.sock", new Volume("/var/run/docker.sock")),
                                Bind.parse(shared + ":/shared:rshared"))
                        .withSecurityOpts(List.of("seccomp=unconfined", "no-new-privileges:false"))
                        .withRestartPolicy(RestartPolicy.alwaysRestart())
                        .withDevices(Device.parse("/dev/null:/dev/xnull"))));
        Map<String, Verdict> verdicts = verdicts(id);

        assertThat(failed(verdicts, "4.1")).isEqualTo(Severity.MEDIUM);
        assertThat(failed(verdicts, "5.4")).isEqualTo(Severity.HIGH);
        assertThat(failed(verdicts, "5.5")).isEqualTo(Severity.CRITICAL);
        assertThat(((Verdict.Fail) verdicts.get("5.6")).evidence()).singleElement()
                .satisfies(evidence -> assertThat(evidence.actual()).startsWith("/etc/ssl -> /certs (ro)"));
        for (String checkId : List.of("5.11", "5.12", "5.13", "5.15", "5.16", "5.17", "5.18", "5.20", "5.21",
                "5.22", "5.26", "5.29", "5.32", "4.6", "5.27", LabelWaiverCheck.ID)) {
            failed(verdicts, checkId);
        }
        assertThat(failed(verdicts, "5.32")).isEqualTo(Severity.CRITICAL);
        assertThat(((Verdict.Fail) verdicts.get("5.26")).evidence().get(0).actual())
                .isEqualTo("no-new-privileges:false");
        passed(verdicts, "5.10");
        passed(verdicts, "5.30");
    }

    @Test
    void aContainerStartedWithHardenedSettingsPassesThem() throws InterruptedException {
        String id = ENGINE.createAndStart(name("good"), command -> command
                .withUser("1000:1000")
                .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "true")).withInterval(1_000_000_000L)
                        .withTimeout(1_000_000_000L).withRetries(3))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withReadonlyRootfs(true)
                        .withMemory(64L * 1024 * 1024)
                        .withCpuShares(512)
                        .withPidsLimit(50L)
                        .withCapDrop(Capability.ALL)
                        .withSecurityOpts(List.of("no-new-privileges:true"))
                        .withUlimits(List.of(new Ulimit("nofile", 1024L, 2048L)))
                        .withRestartPolicy(RestartPolicy.onFailureRestart(3))));
        Map<String, Verdict> verdicts = verdicts(id);
        for (String checkId : List.of("4.1", "5.4", "5.5", "5.6", "5.10", "5.11", "5.12", "5.13", "5.15", "5.16",
                "5.17", "5.19", "5.20", "5.21", "5.22", "5.26", "5.27", "5.29", "5.31", "5.32")) {
            passed(verdicts, checkId);
        }
        // The test image is imported from a root file system, so it has no HEALTHCHECK of its own.
        failed(verdicts, "4.6");
        assertThat(verdicts.get(LabelWaiverCheck.ID)).isInstanceOf(Verdict.NotApplicable.class);
    }

    @Test
    void theEnginesOwnFactsAreEvaluated() {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Assessment assessment : ASSESSOR.assessHost("local", host, Instant.now())) {
            verdicts.put(assessment.check().id(), assessment.verdict());
        }
        assertThat(verdicts).containsKeys("5.1", "2.2", "2.5", "2.6", "2.9", "2.13", "2.15", "2.17", "2.18");
        passed(verdicts, "2.6");
        if ("inactive".equals(host.swarmLocalNodeState())) {
            passed(verdicts, "5.1");
        }
        if (host.defaultBridgeIcc() == null) {
            assertThat(verdicts.get("2.2")).isInstanceOf(Verdict.NotApplicable.class);
        }
        assertThat(verdicts.get("2.15")).isInstanceOf(host.liveRestoreEnabled() ? Verdict.Pass.class
                : Verdict.Fail.class);
    }
}
