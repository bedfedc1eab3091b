package io.dockwarden.events.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code docker inspect} says of a container and its image, reduced to the facts the checks, the backup policies and
 * the operators need. Environment variable values and command lines are never carried: they hold secrets too often.
 *
 * @param id full container id
 * @param name container name without the leading slash
 * @param createdAt when the engine created the container
 * @param status engine state: created, running, paused, restarting, removing, exited or dead
 * @param exitCode last exit code, when the container has exited
 * @param startedAt when it last started, if ever
 * @param finishedAt when it last stopped, if ever
 * @param health runtime health, absent when neither container nor image define a healthcheck
 * @param image the image the container runs
 * @param user {@code Config.User}, empty when unset
 * @param envNames names of the environment variables, never their values
 * @param labels container labels
 * @param healthcheck the container's own healthcheck configuration, absent when it inherits the image's
 * @param privileged {@code HostConfig.Privileged}
 * @param capAdd {@code HostConfig.CapAdd} as given
 * @param capDrop {@code HostConfig.CapDrop} as given
 * @param networkMode {@code HostConfig.NetworkMode}
 * @param pidMode {@code HostConfig.PidMode}, empty when private
 * @param ipcMode {@code HostConfig.IpcMode}
 * @param utsMode {@code HostConfig.UTSMode}
 * @param usernsMode {@code HostConfig.UsernsMode}
 * @param cgroupParent {@code HostConfig.CgroupParent}
 * @param mounts mounts with source, destination, mode and propagation
 * @param ports published ports: the live bindings of a running container, the configured ones otherwise
 * @param resources memory, CPU and PIDs limits
 * @param readonlyRootfs {@code HostConfig.ReadonlyRootfs}
 * @param securityOpt {@code HostConfig.SecurityOpt}
 * @param appArmorProfile {@code AppArmorProfile}
 * @param devices {@code HostConfig.Devices}
 * @param ulimits {@code HostConfig.Ulimits}
 * @param restartPolicy {@code HostConfig.RestartPolicy}
 * @param networks names of the networks the container is attached to
 * @param logDriver {@code HostConfig.LogConfig.Type}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerSnapshot(
        String id,
        String name,
        Instant createdAt,
        String status,
        @Nullable Integer exitCode,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Health health,
        ImageInfo image,
        String user,
        List<String> envNames,
        Map<String, String> labels,
        @Nullable HealthcheckConfig healthcheck,
        boolean privileged,
        List<String> capAdd,
        List<String> capDrop,
        String networkMode,
        String pidMode,
        String ipcMode,
        String utsMode,
        String usernsMode,
        String cgroupParent,
        List<Mount> mounts,
        List<PortBinding> ports,
        Resources resources,
        boolean readonlyRootfs,
        List<String> securityOpt,
        String appArmorProfile,
        List<Device> devices,
        List<Ulimit> ulimits,
        RestartPolicy restartPolicy,
        List<String> networks,
        String logDriver) {

    public ContainerSnapshot {
        envNames = List.copyOf(envNames);
        labels = Map.copyOf(labels);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        mounts = List.copyOf(mounts);
        ports = List.copyOf(ports);
        securityOpt = List.copyOf(securityOpt);
        devices = List.copyOf(devices);
        ulimits = List.copyOf(ulimits);
        networks = List.copyOf(networks);
    }

    /**
     * Runtime health as {@code State.Health} reports it.
     *
     * @param status starting, healthy or unhealthy
     * @param failingStreak consecutive failed probes
     */
    public record Health(String status, int failingStreak) {
    }

    /**
     * A healthcheck definition without its command, which may carry credentials.
     *
     * @param type {@code NONE}, {@code CMD} or {@code CMD-SHELL}
     * @param intervalNanos probe interval, 0 for the default
     * @param timeoutNanos probe timeout, 0 for the default
     * @param retries failures before unhealthy, 0 for the default
     * @param startPeriodNanos grace period, 0 for the default
     */
    public record HealthcheckConfig(String type, long intervalNanos, long timeoutNanos, int retries,
            long startPeriodNanos) {

        public boolean disabled() {
            return "NONE".equals(type);
        }
    }

    /**
     * The image of a container as {@code GET /images/{id}/json} and its history describe it.
     *
     * @param id image id ({@code sha256:...})
     * @param ref the reference the container was created from ({@code Config.Image})
     * @param digest the first repository digest, if the image was pulled from a registry
     * @param user the image's {@code Config.User}
     * @param healthcheck the image's healthcheck, absent when it defines none
     * @param envNames names of the image's environment variables, never their values
     * @param history the image's build steps, oldest first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageInfo(String id, String ref, @Nullable String digest, String user,
            @Nullable HealthcheckConfig healthcheck, List<String> envNames, List<HistoryStep> history) {

        public ImageInfo {
            envNames = List.copyOf(envNames);
            history = List.copyOf(history);
        }
    }

    /**
     * One step of an image's history.
     *
     * @param createdBy the instruction as the engine records it, secrets masked by the inventory
     * @param emptyLayer whether the step added no layer
     */
    public record HistoryStep(String createdBy, boolean emptyLayer) {
    }

    /**
     * One mount of a container.
     *
     * @param type bind, volume, tmpfs, npipe, image or cluster
     * @param source host path (bind) or volume data path
     * @param destination path inside the container
     * @param name volume name, for volume mounts
     * @param rw whether the mount is writable
     * @param propagation bind propagation (private, rprivate, shared, rshared, slave, rslave), may be empty
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mount(String type, String source, String destination, @Nullable String name, boolean rw,
            String propagation) {
    }

    /**
     * A container port published on the host.
     *
     * @param containerPort port inside the container
     * @param protocol tcp, udp or sctp
     * @param hostIp host address bound, empty meaning every address
     * @param hostPort host port, 0 when the engine chooses
     */
    public record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {
    }

    /**
     * Resource limits; 0 means unlimited or unset, as in the Engine API.
     *
     * @param memoryBytes {@code HostConfig.Memory}
     * @param memorySwapBytes {@code HostConfig.MemorySwap}
     * @param memoryReservationBytes {@code HostConfig.MemoryReservation}
     * @param cpuShares {@code HostConfig.CpuShares}
     * @param nanoCpus {@code HostConfig.NanoCpus}
     * @param cpuQuota {@code HostConfig.CpuQuota}
     * @param cpuPeriod {@code HostConfig.CpuPeriod}
     * @param cpusetCpus {@code HostConfig.CpusetCpus}
     * @param pidsLimit {@code HostConfig.PidsLimit}; absent, 0 or -1 mean unlimited
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resources(long memoryBytes, long memorySwapBytes, long memoryReservationBytes, long cpuShares,
            long nanoCpus, long cpuQuota, long cpuPeriod, String cpusetCpus, @Nullable Long pidsLimit) {
    }

    /**
     * A host device mapped into the container.
     *
     * @param pathOnHost device path on the host
     * @param pathInContainer device path in the container
     * @param cgroupPermissions r, w and m as granted
     */
    public record Device(String pathOnHost, String pathInContainer, String cgroupPermissions) {
    }

    /**
     * A resource limit set for the container's processes.
     *
     * @param name ulimit name, such as nofile
     * @param soft soft limit
     * @param hard hard limit
     */
    public record Ulimit(String name, long soft, long hard) {
    }

    /**
     * The restart policy.
     *
     * @param name empty or no, always, unless-stopped, on-failure
     * @param maximumRetryCount retries for on-failure
     */
    public record RestartPolicy(String name, int maximumRetryCount) {
    }
}
