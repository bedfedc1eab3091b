package io.dockwarden.compliance.checks.cis;

import static io.dockwarden.compliance.checks.cis.Verdicts.compliant;
import static io.dockwarden.compliance.checks.cis.Verdicts.fails;
import static io.dockwarden.compliance.checks.cis.Verdicts.notApplicable;
import static io.dockwarden.compliance.checks.cis.Verdicts.on;
import static io.dockwarden.compliance.checks.cis.Verdicts.onUnknownHost;
import static io.dockwarden.compliance.checks.cis.Verdicts.onlyEvidence;
import static io.dockwarden.compliance.checks.cis.Verdicts.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerSnapshot.Device;
import io.dockwarden.events.container.ContainerSnapshot.HealthcheckConfig;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.container.ContainerSnapshot.PortBinding;
import io.dockwarden.events.container.ContainerSnapshot.Resources;
import io.dockwarden.events.container.ContainerSnapshot.RestartPolicy;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.host.HostSnapshot;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeChecksTest {

    private static final HostSnapshot APPARMOR = HostSnapshots.hardened();
    private static final HostSnapshot SELINUX = HostSnapshots.builder()
            .securityOptions(List.of("name=selinux", "name=seccomp,profile=builtin")).build();
    private static final HostSnapshot NEITHER = HostSnapshots.minimal();

    private static Resources resources(long memory, long shares, long nanoCpus, long quota, Long pids) {
        return new Resources(memory, 0, 0, shares, nanoCpus, quota, 0, "", pids);
    }

    private static Mount bind(String source, String destination) {
        return new Mount("bind", source, destination, null, false, "rprivate");
    }

    @Nested
    class AppArmor {

        private final AppArmorProfileEnabled check = new AppArmorProfileEnabled();

        @Test
        void passesAProfile() {
            passes(on(check, compliant().appArmorProfile("docker-default").build(), APPARMOR));
        }

        @Test
        void failsUnconfinedEverywhere() {
            fails(on(check, compliant().appArmorProfile("unconfined").build(), NEITHER), Severity.HIGH);
        }

        @Test
        void failsNoProfileOnAnAppArmorEngine() {
            assertThat(onlyEvidence(fails(on(check, compliant().appArmorProfile("").build(), APPARMOR),
                    Severity.HIGH)).field()).isEqualTo("AppArmorProfile");
        }

        @Test
        void doesNotApplyOnSelinuxOnlyEngines() {
            assertThat(notApplicable(on(check, compliant().appArmorProfile("").build(), SELINUX)))
                    .contains("does not support AppArmor");
        }

        @Test
        void waitsForTheEngineFactsBeforeDecidingAnEmptyProfile() {
            notApplicable(onUnknownHost(check, compliant().appArmorProfile("").build()));
        }
    }

    @Nested
    class Selinux {

        private final SelinuxOptionsSet check = new SelinuxOptionsSet();

        @Test
        void passesALabel() {
            passes(on(check, compliant().securityOpt(List.of("label=type:svirt_apache_t")).build(), SELINUX));
            passes(on(check, compliant().securityOpt(List.of("label:level:s0:c100,c200")).build(), SELINUX));
        }

        @Test
        void failsWithoutALabelEvenWithOtherOptions() {
            fails(on(check, compliant().securityOpt(List.of("no-new-privileges:true", "seccomp=default")).build(),
                    SELINUX), Severity.MEDIUM);
        }

        @Test
        void failsLabelDisable() {
            fails(on(check, compliant().securityOpt(List.of("label=disable")).build(), SELINUX), Severity.MEDIUM);
        }

        @Test
        void doesNotApplyWithoutSelinux() {
            notApplicable(on(check, compliant().build(), APPARMOR));
            notApplicable(onUnknownHost(check, compliant().build()));
        }
    }

    @Nested
    class Capabilities {

        private final CapabilitiesRestricted check = new CapabilitiesRestricted();

        @Test
        void passesDefaultCapabilitiesInAnySpelling() {
            passes(on(check, compliant().capAdd(List.of("NET_BIND_SERVICE", "cap_chown", "CAP_KILL")).build()));
        }

        @Test
        void failsAllAsCritical() {
            Evidence evidence = onlyEvidence(fails(on(check, compliant().capAdd(List.of("ALL")).build()),
                    Severity.CRITICAL));
            assertThat(evidence).isEqualTo(new Evidence("HostConfig.CapAdd", "[ALL]",
                    "only capabilities of Docker's default set"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"cap_sys_admin", "SYS_ADMIN", "CAP_SYS_MODULE", "sys_ptrace", "DAC_READ_SEARCH",
                "NET_ADMIN", "bpf"})
        void failsDangerousCapabilitiesAsHigh(String capability) {
            fails(on(check, compliant().capAdd(List.of(capability)).build()), Severity.HIGH);
        }

        @Test
        void failsOtherAdditionsAsMedium() {
            assertThat(onlyEvidence(fails(on(check, compliant().capAdd(List.of("CHOWN", "SYS_TIME")).build()),
                    Severity.MEDIUM)).actual()).isEqualTo("[SYS_TIME]");
        }
    }

    @Nested
    class Privileged {

        private final NoPrivilegedContainers check = new NoPrivilegedContainers();

        @Test
        void passesUnprivileged() {
            passes(on(check, compliant().build()));
        }

        @Test
        void failsPrivilegedAsCritical() {
            assertThat(onlyEvidence(fails(on(check, compliant().privileged(true).build()), Severity.CRITICAL)))
                    .isEqualTo(new Evidence("HostConfig.Privileged", "true", "false"));
        }
    }

    @Nested
    class SensitiveDirectories {

        private final NoSensitiveHostDirectories check = new NoSensitiveHostDirectories();

        @Test
        void passesVolumesAndOtherBinds() {
            passes(on(check, compliant().addMount(bind("/srv/app/config", "/config"))
                    .addMount(bind("/etcetera", "/x")).build()));
        }

        @Test
        void failsABindBelowEtcEvenReadOnly() {
            Evidence evidence = onlyEvidence(fails(on(check, compliant().mounts(List.of(bind("/etc/ssl", "/certs")))
                    .build()), Severity.HIGH));
            assertThat(evidence.field()).isEqualTo("Mounts[0].Source");
            assertThat(evidence.actual()).isEqualTo("/etc/ssl -> /certs (ro)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/boot", "/dev", "/etc", "/lib/modules", "/proc", "/sys/fs/cgroup", "/usr/bin",
                "/srv/../etc", "//etc/"})
        void failsEverySensitiveTree(String source) {
            fails(on(check, compliant().mounts(List.of(bind(source, "/host"))).build()), Severity.HIGH);
        }

        @Test
        void failsTheRootAsCritical() {
            fails(on(check, compliant().mounts(List.of(bind("/", "/host"))).build()), Severity.CRITICAL);
        }

        @Test
        void ignoresVolumesWhoseDataLivesUnderVarLib() {
            passes(on(check, compliant().mounts(List.of(ContainerSnapshots.volume("data", "/data", true))).build()));
        }
    }

    @Nested
    class PrivilegedPorts {

        private final NoPrivilegedPorts check = new NoPrivilegedPorts();

        @Test
        void passesHighPortsAndEngineChosenOnes() {
            passes(on(check, compliant().ports(List.of(new PortBinding(80, "tcp", "127.0.0.1", 1024),
                    new PortBinding(53, "udp", "127.0.0.1", 0))).build()));
        }

        @Test
        void failsAPortBelow1024() {
            assertThat(onlyEvidence(fails(on(check, compliant().ports(List.of(new PortBinding(80, "tcp", "198.51.100.1",
                    80))).build()), Severity.LOW)).field()).isEqualTo("NetworkSettings.Ports[80/tcp].HostPort");
        }

        @Test
        void treats1023AsPrivileged() {
            fails(on(check, compliant().ports(List.of(new PortBinding(8080, "tcp", "198.51.100.1", 1023))).build()),
                    Severity.LOW);
        }
    }

    @Nested
    class NeededPorts {

        private final OnlyNeededPortsOpen check = new OnlyNeededPortsOpen();

        @Test
        void passesWithoutPublishedPorts() {
            passes(on(check, compliant().ports(List.of()).build()));
        }

        @Test
        void listsPublishedPortsForReview() {
            Evidence evidence = onlyEvidence(fails(on(check, compliant().ports(List.of(
                    new PortBinding(8080, "tcp", "", 8080))).build()), Severity.INFO));
            assertThat(evidence.actual()).isEqualTo("[*:8080->8080/tcp]");
            assertThat(check.info().scored()).isFalse();
        }
    }

    @Nested
    class Namespaces {

        @Test
        void failsEveryHostNamespace() {
            fails(on(new HostNetworkNotShared(), compliant().networkMode("host").build()), Severity.HIGH);
            fails(on(new HostPidNotShared(), compliant().pidMode("host").build()), Severity.HIGH);
            fails(on(new HostIpcNotShared(), compliant().ipcMode("host").build()), Severity.HIGH);
            fails(on(new HostUtsNotShared(), compliant().utsMode("host").build()), Severity.MEDIUM);
            fails(on(new HostUserNamespaceNotShared(), compliant().usernsMode("host").build()), Severity.HIGH);
        }

        @Test
        void passesPrivateAndSharedWithContainers() {
            passes(on(new HostNetworkNotShared(), compliant().networkMode("container:abc").build()));
            passes(on(new HostPidNotShared(), compliant().pidMode("").build()));
            passes(on(new HostIpcNotShared(), compliant().ipcMode("shareable").build()));
            passes(on(new HostUtsNotShared(), compliant().utsMode("").build()));
            passes(on(new HostUserNamespaceNotShared(), compliant().usernsMode("").build()));
        }

        @Test
        void namesTheFieldInTheEvidence() {
            assertThat(onlyEvidence(on(new HostPidNotShared(), compliant().pidMode("host").build())))
                    .isEqualTo(new Evidence("HostConfig.PidMode", "host", "not host"));
        }
    }

    @Nested
    class Limits {

        @Test
        void memory() {
            passes(on(new MemoryLimited(), compliant().build()));
            assertThat(onlyEvidence(fails(on(new MemoryLimited(), compliant().resources(resources(0, 0, 0, 0, 100L))
                    .build()), Severity.MEDIUM)).actual()).isEqualTo("0");
        }

        @Test
        void cpuPassesOnAnyOfSharesNanoCpusOrQuota() {
            CpuPrioritySet check = new CpuPrioritySet();
            passes(on(check, compliant().resources(resources(1, 512, 0, 0, 1L)).build()));
            passes(on(check, compliant().resources(resources(1, 0, 500_000_000, 0, 1L)).build()));
            passes(on(check, compliant().resources(resources(1, 0, 0, 50_000, 1L)).build()));
            assertThat(((Verdict.Fail) fails(on(check, compliant().resources(resources(1, 0, 0, 0, 1L)).build()),
                    Severity.LOW)).evidence()).hasSize(3);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void pidsLimitOfZeroOrMinusOneIsUnlimited(long limit) {
            assertThat(onlyEvidence(fails(on(new PidsLimited(), compliant().resources(resources(1, 1, 0, 0, limit))
                    .build()), Severity.MEDIUM)).actual()).isEqualTo(String.valueOf(limit));
        }

        @Test
        void pidsLimitAbsentIsUnlimited() {
            assertThat(onlyEvidence(on(new PidsLimited(), compliant().resources(resources(1, 1, 0, 0, null))
                    .build())).actual()).isEqualTo("absent");
            passes(on(new PidsLimited(), compliant().resources(resources(1, 1, 0, 0, 200L)).build()));
        }
    }

    @Nested
    class ReadOnlyRoot {

        @Test
        void passesAndFails() {
            passes(on(new ReadOnlyRootFilesystem(), compliant().readonlyRootfs(true).build()));
            fails(on(new ReadOnlyRootFilesystem(), compliant().readonlyRootfs(false).build()), Severity.MEDIUM);
        }
    }

    @Nested
    class HostInterface {

        private final TrafficBoundToHostInterface check = new TrafficBoundToHostInterface();

        @Test
        void passesASpecificAddress() {
            passes(on(check, compliant().ports(List.of(new PortBinding(8080, "tcp", "127.0.0.1", 8080),
                    new PortBinding(8443, "tcp", "fd00::1", 8443))).build()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.0.0.0", "", "::"})
        void failsEveryAddressIncludingIpv6(String ip) {
            fails(on(check, compliant().ports(List.of(new PortBinding(8080, "tcp", ip, 8080))).build()),
                    Severity.MEDIUM);
        }
    }

    @Nested
    class Restart {

        private final RestartPolicyLimited check = new RestartPolicyLimited();

        @Test
        void passesBoundedOnFailureAndNoRestart() {
            passes(on(check, compliant().restartPolicy(new RestartPolicy("on-failure", 5)).build()));
            passes(on(check, compliant().restartPolicy(new RestartPolicy("on-failure", 1)).build()));
            passes(on(check, compliant().restartPolicy(new RestartPolicy("no", 0)).build()));
            passes(on(check, compliant().restartPolicy(new RestartPolicy("", 0)).build()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"always", "unless-stopped"})
        void failsUnboundedPoliciesWhateverTheCount(String name) {
            assertThat(onlyEvidence(fails(on(check, compliant().restartPolicy(new RestartPolicy(name, 3)).build()),
                    Severity.LOW)).field()).isEqualTo("HostConfig.RestartPolicy.Name");
        }

        @Test
        void failsTooManyOrUnlimitedRetries() {
            fails(on(check, compliant().restartPolicy(new RestartPolicy("on-failure", 6)).build()), Severity.LOW);
            assertThat(onlyEvidence(on(check, compliant().restartPolicy(new RestartPolicy("on-failure", 0)).build()))
                    .actual()).isEqualTo("0 (unlimited)");
        }
    }

    @Nested
    class Devices {

        @Test
        void listsDevicesForReview() {
            HostDevicesNotExposed check = new HostDevicesNotExposed();
            passes(on(check, compliant().devices(List.of()).build()));
            assertThat(onlyEvidence(fails(on(check, compliant().addDevice(new Device("/dev/fuse", "/dev/fuse", "rwm"))
                    .build()), Severity.INFO)).actual()).isEqualTo("[/dev/fuse:/dev/fuse:rwm]");
            assertThat(check.info().scored()).isFalse();
        }
    }

    @Nested
    class Ulimits {

        @Test
        void reportsContainersWithoutTheirOwnUlimits() {
            DefaultUlimitOverridden check = new DefaultUlimitOverridden();
            passes(on(check, compliant().build()));
            fails(on(check, compliant().ulimits(List.of()).build()), Severity.INFO);
        }
    }

    @Nested
    class Propagation {

        private final MountPropagationNotShared check = new MountPropagationNotShared();

        @ParameterizedTest
        @ValueSource(strings = {"shared", "rshared"})
        void failsSharedPropagation(String mode) {
            Evidence evidence = onlyEvidence(fails(on(check, compliant().mounts(List.of(
                    new Mount("bind", "/mnt/data", "/data", null, true, mode))).build()), Severity.MEDIUM));
            assertThat(evidence.actual()).isEqualTo(mode + " (/data)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "private", "rprivate", "slave", "rslave"})
        void passesOtherModes(String mode) {
            passes(on(check, compliant().mounts(List.of(new Mount("bind", "/mnt/data", "/data", null, true, mode)))
                    .build()));
        }
    }

    @Nested
    class Seccomp {

        private final SeccompNotDisabled check = new SeccompNotDisabled();

        @ParameterizedTest
        @ValueSource(strings = {"seccomp=unconfined", "seccomp:unconfined"})
        void failsUnconfined(String option) {
            fails(on(check, compliant().securityOpt(List.of("no-new-privileges", option)).build()), Severity.HIGH);
        }

        @Test
        void passesDefaultAndCustomProfiles() {
            passes(on(check, compliant().securityOpt(List.of("seccomp=/etc/docker/seccomp/app.json")).build()));
            passes(on(check, compliant().securityOpt(List.of()).build()));
        }
    }

    @Nested
    class Cgroup {

        @Test
        void passesTheDefaultAndAllowedParents() {
            CgroupUsageConfirmed check = new CgroupUsageConfirmed(Set.of("/batch"));
            passes(on(check, compliant().cgroupParent("").build()));
            passes(on(check, compliant().cgroupParent("/batch").build()));
            fails(on(check, compliant().cgroupParent("/elsewhere").build()), Severity.INFO);
        }
    }

    @Nested
    class NoNewPrivileges {

        @ParameterizedTest
        @ValueSource(strings = {"no-new-privileges", "no-new-privileges:true", "no-new-privileges=true"})
        void passesTheOption(String option) {
            passes(on(new NoAdditionalPrivileges(false), compliant().securityOpt(List.of(option)).build()));
        }

        @Test
        void failsFalseEvenThoughItContainsTheName() {
            Evidence evidence = onlyEvidence(fails(on(new NoAdditionalPrivileges(true), compliant()
                    .securityOpt(List.of("no-new-privileges:false")).build()), Severity.MEDIUM));
            assertThat(evidence.actual()).isEqualTo("no-new-privileges:false");
        }

        @Test
        void failsAbsentUnlessTheDaemonDefaultIsDeclared() {
            ContainerSnapshot container = compliant().securityOpt(List.of("seccomp=default")).build();
            fails(on(new NoAdditionalPrivileges(false), container), Severity.MEDIUM);
            passes(on(new NoAdditionalPrivileges(true), container));
        }
    }

    @Nested
    class Health {

        private final HealthCheckedAtRuntime check = new HealthCheckedAtRuntime();

        @Test
        void passesAReportingHealthcheck() {
            passes(on(check, compliant().build()));
        }

        @Test
        void failsARunningContainerWithoutHealth() {
            ContainerSnapshot container = compliant().health(null).healthcheck(null).build();
            Verdict.Fail fail = fails(on(check, container), Severity.LOW);
            assertThat(fail.evidence().get(0)).isEqualTo(new Evidence("State.Health", "absent",
                    "a healthcheck reporting status"));
        }

        @Test
        void passesAStoppedContainerWhoseImageDefinesOne() {
            passes(on(check, ContainerSnapshots.builder().image(compliant().build().image()).build()));
        }

        @Test
        void failsAContainerThatDisablesTheImagesHealthcheck() {
            ContainerSnapshot container = ContainerSnapshots.builder().image(compliant().build().image())
                    .healthcheck(new HealthcheckConfig("NONE", 0, 0, 0, 0)).build();
            fails(on(check, container), Severity.LOW);
        }
    }

    @Nested
    class DefaultBridge {

        @Test
        void reportsTheDefaultBridge() {
            DefaultBridgeNotUsed check = new DefaultBridgeNotUsed();
            passes(on(check, compliant().build()));
            fails(on(check, compliant().networks(List.of("bridge")).build()), Severity.INFO);
            assertThat(check.info().level()).isEqualTo(2);
        }
    }

    @Nested
    class DockerSocket {

        private final DockerSocketNotMounted check = new DockerSocketNotMounted();

        @Test
        void failsTheSocketBySourceOrDestination() {
            fails(on(check, compliant().mounts(List.of(bind("/var/run/docker.sock", "/var/run/docker.sock")))
                    .build()), Severity.CRITICAL);
            fails(on(check, compliant().mounts(List.of(bind("/home/ci/docker.sock", "/tmp/engine"))).build()),
                    Severity.CRITICAL);
            fails(on(check, compliant().mounts(List.of(bind("/srv/x", "/run/docker.sock"))).build()),
                    Severity.CRITICAL);
        }

        @Test
        void failsTheDirectoryHoldingTheSocket() {
            fails(on(check, compliant().mounts(List.of(bind("/var/run", "/host-run"))).build()), Severity.CRITICAL);
        }

        @Test
        void passesOtherMounts() {
            passes(on(check, compliant().mounts(List.of(bind("/srv/sockets/app.sock", "/app.sock"))).build()));
        }
    }
}
