package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckSettings;
import java.util.List;

/** The built-in CIS Docker Benchmark v1.6.0 checks, in benchmark order. */
public final class CisChecks {

    private CisChecks() {
    }

    /** Every built-in check, configured by the operator's declarations, without the disabled ones. */
    public static List<Check> all(CheckSettings settings) {
        List<Check> checks = List.of(
                new ContainerUserCreated(),
                new ImageHealthcheck(),
                new UpdateNotAlone(),
                new CopyInsteadOfAdd(),
                new NoSecretsInImage(settings.secretEnvNameAllowList()),
                new AppArmorProfileEnabled(),
                new SelinuxOptionsSet(),
                new CapabilitiesRestricted(),
                new NoPrivilegedContainers(),
                new NoSensitiveHostDirectories(),
                new NoPrivilegedPorts(),
                new OnlyNeededPortsOpen(),
                new HostNetworkNotShared(),
                new MemoryLimited(),
                new CpuPrioritySet(),
                new ReadOnlyRootFilesystem(),
                new TrafficBoundToHostInterface(),
                new RestartPolicyLimited(),
                new HostPidNotShared(),
                new HostIpcNotShared(),
                new HostDevicesNotExposed(),
                new DefaultUlimitOverridden(),
                new MountPropagationNotShared(),
                new HostUtsNotShared(),
                new SeccompNotDisabled(),
                new CgroupUsageConfirmed(settings.allowedCgroupParents()),
                new NoAdditionalPrivileges(settings.daemonNoNewPrivileges()),
                new HealthCheckedAtRuntime(),
                new PidsLimited(),
                new DefaultBridgeNotUsed(),
                new HostUserNamespaceNotShared(),
                new DockerSocketNotMounted(),
                new SwarmModeDisabled(),
                new InterContainerTrafficRestricted(),
                new NoInsecureRegistries(),
                new AufsNotUsed(),
                new UserNamespaceSupport(),
                new CentralisedLogging(settings.remoteLoggingDeclared()),
                new LiveRestoreEnabled(),
                new SeccompProfileApplied(settings.declaredSeccompProfiles()),
                new ExperimentalFeaturesDisabled());
        return checks.stream().filter(check -> !settings.disabledChecks().contains(check.id())).toList();
    }
}
