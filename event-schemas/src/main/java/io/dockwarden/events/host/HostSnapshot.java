package io.dockwarden.events.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Engine facts from {@code /info}, {@code /version} and the default bridge network, as the host checks read them.
 *
 * @param engineId the engine's {@code ID}
 * @param name the host name the engine reports
 * @param serverVersion engine version
 * @param apiVersion engine API version
 * @param osType linux or windows
 * @param operatingSystem the host's OS
 * @param kernelVersion kernel version
 * @param architecture CPU architecture
 * @param cpus number of CPUs
 * @param memTotalBytes total memory
 * @param storageDriver {@code Driver}
 * @param loggingDriver {@code LoggingDriver}
 * @param cgroupDriver {@code CgroupDriver}
 * @param cgroupVersion {@code CgroupVersion}
 * @param defaultRuntime {@code DefaultRuntime}
 * @param securityOptions {@code SecurityOptions}, such as {@code name=seccomp,profile=default}
 * @param liveRestoreEnabled {@code LiveRestoreEnabled}
 * @param experimentalBuild {@code ExperimentalBuild}
 * @param swarmLocalNodeState {@code Swarm.LocalNodeState}: inactive, pending, active, error, locked; empty when the
 *        engine does not say
 * @param insecureRegistryCidrs {@code RegistryConfig.InsecureRegistryCIDRs}
 * @param registryIndexes {@code RegistryConfig.IndexConfigs}
 * @param defaultBridgeIcc the default bridge's {@code com.docker.network.bridge.enable_icc}, absent without one
 * @param containers number of containers
 * @param images number of images
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostSnapshot(String engineId, String name, String serverVersion, String apiVersion, String osType,
        String operatingSystem, String kernelVersion, String architecture, int cpus, long memTotalBytes,
        String storageDriver, String loggingDriver, String cgroupDriver, String cgroupVersion, String defaultRuntime,
        List<String> securityOptions, boolean liveRestoreEnabled, boolean experimentalBuild,
        String swarmLocalNodeState, List<String> insecureRegistryCidrs, List<RegistryIndex> registryIndexes,
        @Nullable Boolean defaultBridgeIcc, int containers, int images) {

    public HostSnapshot {
        securityOptions = List.copyOf(securityOptions);
        insecureRegistryCidrs = List.copyOf(insecureRegistryCidrs);
        registryIndexes = List.copyOf(registryIndexes);
    }

    /**
     * A registry the engine knows.
     *
     * @param name registry host
     * @param secure whether the engine requires TLS for it
     * @param official whether it is the official index
     */
    public record RegistryIndex(String name, boolean secure, boolean official) {
    }
}
