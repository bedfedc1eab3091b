package io.dockwarden.snapshots;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerSnapshot.Device;
import io.dockwarden.events.container.ContainerSnapshot.Health;
import io.dockwarden.events.container.ContainerSnapshot.HealthcheckConfig;
import io.dockwarden.events.container.ContainerSnapshot.HistoryStep;
import io.dockwarden.events.container.ContainerSnapshot.ImageInfo;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.container.ContainerSnapshot.PortBinding;
import io.dockwarden.events.container.ContainerSnapshot.Resources;
import io.dockwarden.events.container.ContainerSnapshot.RestartPolicy;
import io.dockwarden.events.container.ContainerSnapshot.Ulimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@code docker inspect} of a container, of its image and the image's history to a {@link ContainerSnapshot}.
 * Environment variables are reduced to their names, command lines are dropped, and build steps are masked with
 * {@link SecretMasking}: the snapshot can travel anywhere.
 *
 * <p>Where docker-java's model lacks a field (mount type and propagation, the AppArmor profile) or reshapes it
 * (capabilities, empty host addresses), the engine's JSON as docker-java keeps it beside the model is read instead.
 */
public final class ContainerSnapshots {

    private static final Set<String> HEALTH_STATUSES = Set.of("starting", "healthy", "unhealthy");
    private static final Set<String> HEALTHCHECK_TYPES = Set.of("NONE", "CMD", "CMD-SHELL");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Set<String> PROPAGATIONS =
            Set.of("", "private", "rprivate", "shared", "rshared", "slave", "rslave");
    private static final Set<String> RESTART_POLICIES = Set.of("", "no", "always", "unless-stopped", "on-failure");

    private ContainerSnapshots() {
    }

    /**
     * The snapshot of a container.
     *
     * @param container {@code GET /containers/{id}/json}
     * @param image {@code GET /images/{id}/json} of the container's image ({@code container.getImageId()}), or null
     *        if the engine no longer has it
     * @param history {@code GET /images/{id}/history} of that image, newest first as the engine returns it (see
     *        {@link ImageHistories}); empty if unknown
     * @return the snapshot, holding no environment value, command line or unmasked build step
     */
    public static ContainerSnapshot from(InspectContainerResponse container, @Nullable InspectImageResponse image,
            List<ImageHistoryItem> history) {
        Map<String, Object> raw = Raw.of(container);
        ContainerConfig config = container.getConfig();
        HostConfig host = container.getHostConfig();
        InspectContainerResponse.ContainerState state = container.getState();
        String status = status(state);
        ImageInfo imageInfo = imageInfo(container, image, history);
        return new ContainerSnapshot(
                Objects.requireNonNull(container.getId(), "container without id"),
                name(container.getName(), container.getId()),
                Objects.requireNonNullElse(EngineTime.parse(container.getCreated()), Instant.EPOCH),
                status,
                exitCode(state, status),
                state == null ? null : EngineTime.parse(state.getStartedAt()),
                state == null ? null : EngineTime.parse(state.getFinishedAt()),
                health(state),
                imageInfo,
                text(config == null ? null : config.getUser()),
                envNames(config == null ? null : config.getEnv()),
                labels(config == null ? null : config.getLabels()),
                ownHealthcheck(config, imageInfo.healthcheck()),
                host != null && Boolean.TRUE.equals(host.getPrivileged()),
                capabilities(raw, host, "CapAdd"),
                capabilities(raw, host, "CapDrop"),
                text(host == null ? null : host.getNetworkMode()),
                text(host == null ? null : host.getPidMode()),
                text(host == null ? null : host.getIpcMode()),
                text(host == null ? null : host.getUtSMode()),
                text(host == null ? null : host.getUsernsMode()),
                text(host == null ? null : host.getCgroupParent()),
                mounts(container, raw),
                ports(raw, status),
                resources(host),
                host != null && Boolean.TRUE.equals(host.getReadonlyRootfs()),
                host == null || host.getSecurityOpts() == null ? List.of() : nonBlank(host.getSecurityOpts()),
                text(Raw.string(raw, "AppArmorProfile")),
                devices(host),
                ulimits(host),
                restartPolicy(raw, host),
                networks(container),
                logDriver(raw, host));
    }

    /**
     * Inspects a container, its image and the image's history on an engine and maps them; a convenience for tools
     * and tests that snapshot one container at a time.
     *
     * @throws NotFoundException if the container does not exist
     */
    public static ContainerSnapshot inspect(DockerClient client, String containerIdOrName) {
        InspectContainerResponse container = client.inspectContainerCmd(containerIdOrName).exec();
        InspectImageResponse image = null;
        List<ImageHistoryItem> history = List.of();
        String imageId = container.getImageId();
        if (imageId != null && !imageId.isBlank()) {
            try {
                image = client.inspectImageCmd(imageId).exec();
                history = ImageHistories.fetch(client, imageId);
            } catch (NotFoundException imageGone) {
                // The image was removed after the container was created; the snapshot says what is known.
            }
        }
        return from(container, image, history);
    }

    static String status(InspectContainerResponse.@Nullable ContainerState state) {
        if (state == null) {
            return "created";
        }
        String status = state.getStatus();
        if (status != null && !status.isBlank()) {
            return status;
        }
        // Engines before API 1.21 have no Status; derive it from the flags.
        if (Boolean.TRUE.equals(state.getDead())) {
            return "dead";
        }
        if (Boolean.TRUE.equals(state.getPaused())) {
            return "paused";
        }
        if (Boolean.TRUE.equals(state.getRestarting())) {
            return "restarting";
        }
        if (Boolean.TRUE.equals(state.getRunning())) {
            return "running";
        }
        return EngineTime.parse(state.getStartedAt()) == null ? "created" : "exited";
    }

    private static String name(@Nullable String name, String id) {
        if (name == null || name.isBlank()) {
            return id;
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static @Nullable Integer exitCode(InspectContainerResponse.@Nullable ContainerState state,
            String status) {
        if (state == null || !(status.equals("exited") || status.equals("dead"))) {
            return null;
        }
        return state.getExitCode();
    }

    private static @Nullable Health health(InspectContainerResponse.@Nullable ContainerState state) {
        HealthState health = state == null ? null : state.getHealth();
        if (health == null || health.getStatus() == null || !HEALTH_STATUSES.contains(health.getStatus())) {
            return null;
        }
        Integer streak = health.getFailingStreak();
        return new Health(health.getStatus(), streak == null ? 0 : Math.max(0, streak));
    }

    private static ImageInfo imageInfo(InspectContainerResponse container, @Nullable InspectImageResponse image,
            List<ImageHistoryItem> history) {
        ContainerConfig containerConfig = container.getConfig();
        String ref = containerConfig == null ? null : containerConfig.getImage();
        String id = image != null && image.getId() != null ? image.getId() : text(container.getImageId());
        if (ref == null || ref.isBlank()) {
            ref = id;
        }
        ContainerConfig imageConfig = image == null ? null : image.getConfig();
        List<String> imageEnv = imageConfig == null || imageConfig.getEnv() == null ? List.of()
                : Arrays.asList(imageConfig.getEnv());
        List<String> containerEnv = containerConfig == null || containerConfig.getEnv() == null ? List.of()
                : Arrays.asList(containerConfig.getEnv());
        List<String> knownSecrets = new ArrayList<>(SecretMasking.secretValuesOf(imageEnv));
        knownSecrets.addAll(SecretMasking.secretValuesOf(containerEnv));
        List<HistoryStep> steps = new ArrayList<>();
        // The engine lists the newest step first; the contract wants the build order.
        for (int i = history.size() - 1; i >= 0; i--) {
            ImageHistoryItem item = history.get(i);
            steps.add(new HistoryStep(SecretMasking.mask(item.createdBy(), knownSecrets), item.emptyLayer()));
        }
        List<String> digests = image == null || image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
        String digest = digests.stream().filter(Objects::nonNull).filter(d -> !d.isBlank()).findFirst().orElse(null);
        return new ImageInfo(
                id.isBlank() ? ref : id,
                ref.isBlank() ? id : ref,
                digest,
                text(imageConfig == null ? null : imageConfig.getUser()),
                healthcheck(imageConfig == null ? null : imageConfig.getHealthcheck()),
                envNames(imageConfig == null ? null : imageConfig.getEnv()),
                steps);
    }

    /** The container's healthcheck unless it is the image's: the engine copies the image's into the container. */
    private static @Nullable HealthcheckConfig ownHealthcheck(@Nullable ContainerConfig config,
            @Nullable HealthcheckConfig imageHealthcheck) {
        HealthcheckConfig own = healthcheck(config == null ? null : config.getHealthcheck());
        return own == null || own.equals(imageHealthcheck) ? null : own;
    }

    static @Nullable HealthcheckConfig healthcheck(@Nullable HealthCheck healthcheck) {
        if (healthcheck == null || healthcheck.getTest() == null || healthcheck.getTest().isEmpty()) {
            // No test means "inherit", which for the image means none.
            return null;
        }
        String type = healthcheck.getTest().get(0);
        if (!HEALTHCHECK_TYPES.contains(type)) {
            return null;
        }
        return new HealthcheckConfig(type, nonNegative(healthcheck.getInterval()),
                nonNegative(healthcheck.getTimeout()), (int) nonNegative(healthcheck.getRetries()),
                nonNegative(healthcheck.getStartPeriod()));
    }

    /** Names only: a value may be a password, and {@code NAME=value} is the only shape the engine gives. */
    static List<String> envNames(String @Nullable [] env) {
        if (env == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String entry : env) {
            if (entry == null) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals);
            if (!name.isBlank()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static Map<String, String> labels(@Nullable Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        Map<String, String> copy = new TreeMap<>();
        labels.forEach((key, value) -> {
            if (key != null && !key.isEmpty()) {
                copy.put(key, value == null ? "" : value);
            }
        });
        return copy;
    }

    /** As the engine reports them ({@code CAP_SYS_ADMIN} or {@code SYS_ADMIN}); docker-java's enum would drop some. */
    private static List<String> capabilities(Map<String, Object> raw, @Nullable HostConfig host, String field) {
        if (Raw.present(raw)) {
            return nonBlank(Raw.strings(raw, "HostConfig", field));
        }
        if (host == null) {
            return List.of();
        }
        var capabilities = field.equals("CapAdd") ? host.getCapAdd() : host.getCapDrop();
        if (capabilities == null) {
            return List.of();
        }
        return Arrays.stream(capabilities).filter(Objects::nonNull).map(Enum::name).toList();
    }

    private static List<Mount> mounts(InspectContainerResponse container, Map<String, Object> raw) {
        Map<String, Mount> byDestination = new LinkedHashMap<>();
        if (Raw.present(raw)) {
            for (Object entry : Raw.list(raw, "Mounts")) {
                String destination = Raw.string(entry, "Destination");
                if (destination == null || destination.isBlank()) {
                    continue;
                }
                String name = Raw.string(entry, "Name");
                String type = Raw.string(entry, "Type");
                if (type == null || type.isBlank()) {
                    // Engines before API 1.25 leave the type out.
                    type = name == null || name.isBlank() ? "bind" : "volume";
                }
                String propagation = text(Raw.string(entry, "Propagation"));
                byDestination.put(destination, new Mount(type, text(Raw.string(entry, "Source")), destination,
                        name == null || name.isBlank() || !type.equals("volume") ? null : name,
                        !Boolean.FALSE.equals(Raw.bool(entry, "RW")),
                        PROPAGATIONS.contains(propagation) ? propagation : ""));
            }
        } else if (container.getMounts() != null) {
            for (InspectContainerResponse.Mount mount : container.getMounts()) {
                if (mount.getDestination() == null) {
                    continue;
                }
                String destination = mount.getDestination().getPath();
                String name = mount.getName();
                boolean volume = name != null && !name.isBlank();
                byDestination.put(destination, new Mount(volume ? "volume" : "bind", text(mount.getSource()),
                        destination, volume ? name : null, !Boolean.FALSE.equals(mount.getRW()), ""));
            }
        }
        // --tmpfs mounts appear only in HostConfig.Tmpfs, not among the mounts.
        Map<String, Object> tmpfs = Raw.present(raw) ? Raw.map(raw, "HostConfig", "Tmpfs")
                : tmpfsOf(container.getHostConfig());
        tmpfs.forEach((destination, options) -> byDestination.putIfAbsent(destination,
                new Mount("tmpfs", "", destination, null, !isReadOnly(options.toString()), "")));
        List<Mount> mounts = new ArrayList<>(byDestination.values());
        mounts.sort(Comparator.comparing(Mount::destination));
        return mounts;
    }

    private static Map<String, Object> tmpfsOf(@Nullable HostConfig host) {
        if (host == null || host.getTmpFs() == null) {
            return Map.of();
        }
        return new LinkedHashMap<>(host.getTmpFs());
    }

    private static boolean isReadOnly(String options) {
        for (String option : options.split(",")) {
            if (option.strip().equals("ro")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What is published: the live bindings while the engine runs the container (they carry the ports it chose), the
     * configured ones otherwise. Ports exposed without a binding are not published and not listed.
     */
    private static List<PortBinding> ports(Map<String, Object> raw, String status) {
        boolean live = status.equals("running") || status.equals("paused") || status.equals("restarting");
        Map<String, Object> bindings = live ? Raw.map(raw, "NetworkSettings", "Ports")
                : Raw.map(raw, "HostConfig", "PortBindings");
        if (live && bindings.isEmpty()) {
            bindings = Raw.map(raw, "HostConfig", "PortBindings");
        }
        Set<PortBinding> ports = new TreeSet<>(Comparator.comparingInt(PortBinding::containerPort)
                .thenComparing(PortBinding::protocol).thenComparing(PortBinding::hostIp)
                .thenComparingInt(PortBinding::hostPort));
        bindings.forEach((spec, hostBindings) -> {
            int slash = spec.indexOf('/');
            int containerPort = firstPort(slash < 0 ? spec : spec.substring(0, slash));
            String protocol = slash < 0 ? "tcp" : spec.substring(slash + 1);
            if (containerPort < 1 || !PROTOCOLS.contains(protocol)) {
                return;
            }
            for (Object binding : Raw.list(hostBindings)) {
                int hostPort = firstPort(text(Raw.string(binding, "HostPort")));
                ports.add(new PortBinding(containerPort, protocol, text(Raw.string(binding, "HostIp")),
                        Math.max(0, hostPort)));
            }
        });
        return List.copyOf(ports);
    }

    /** {@code 8080}, or the start of a range such as {@code 8000-8010}; 0 when empty (the engine chooses). */
    private static int firstPort(String spec) {
        String start = spec.contains("-") ? spec.substring(0, spec.indexOf('-')) : spec;
        try {
            int port = Integer.parseInt(start.strip());
            return port >= 0 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Resources resources(@Nullable HostConfig host) {
        if (host == null) {
            return new Resources(0, 0, 0, 0, 0, 0, 0, "", null);
        }
        Long pidsLimit = host.getPidsLimit();
        return new Resources(
                nonNegative(host.getMemory()),
                Math.max(-1, orZero(host.getMemorySwap())),
                nonNegative(host.getMemoryReservation()),
                nonNegative(host.getCpuShares()),
                nonNegative(host.getNanoCPUs()),
                Math.max(-1, orZero(host.getCpuQuota())),
                nonNegative(host.getCpuPeriod()),
                text(host.getCpusetCpus()),
                pidsLimit == null ? null : Math.max(-1, pidsLimit));
    }

    private static List<Device> devices(@Nullable HostConfig host) {
        if (host == null || host.getDevices() == null) {
            return List.of();
        }
        List<Device> devices = new ArrayList<>();
        for (com.github.dockerjava.api.model.Device device : host.getDevices()) {
            if (device == null || device.getPathOnHost() == null || device.getPathOnHost().isBlank()) {
                continue;
            }
            String permissions = text(device.getcGroupPermissions());
            devices.add(new Device(device.getPathOnHost(), text(device.getPathInContainer()),
                    permissions.matches("[rwm]*") ? permissions : ""));
        }
        return devices;
    }

    private static List<Ulimit> ulimits(@Nullable HostConfig host) {
        if (host == null || host.getUlimits() == null) {
            return List.of();
        }
        List<Ulimit> ulimits = new ArrayList<>();
        for (com.github.dockerjava.api.model.Ulimit ulimit : host.getUlimits()) {
            if (ulimit == null || ulimit.getName() == null || ulimit.getName().isBlank()) {
                continue;
            }
            ulimits.add(new Ulimit(ulimit.getName(), Math.max(-1, orZero(ulimit.getSoftLong())),
                    Math.max(-1, orZero(ulimit.getHardLong()))));
        }
        return ulimits;
    }

    private static RestartPolicy restartPolicy(Map<String, Object> raw, @Nullable HostConfig host) {
        String name;
        int retries;
        if (Raw.present(raw)) {
            name = text(Raw.string(raw, "HostConfig", "RestartPolicy", "Name"));
            Object count = Raw.path(raw, "HostConfig", "RestartPolicy", "MaximumRetryCount");
            retries = count instanceof Number number ? number.intValue() : 0;
        } else if (host != null && host.getRestartPolicy() != null) {
            name = text(host.getRestartPolicy().getName());
            Integer count = host.getRestartPolicy().getMaximumRetryCount();
            retries = count == null ? 0 : count;
        } else {
            name = "";
            retries = 0;
        }
        return new RestartPolicy(RESTART_POLICIES.contains(name) ? name : "", Math.max(0, retries));
    }

    private static List<String> networks(InspectContainerResponse container) {
        if (container.getNetworkSettings() == null || container.getNetworkSettings().getNetworks() == null) {
            return List.of();
        }
        return new TreeSet<>(container.getNetworkSettings().getNetworks().keySet()).stream()
                .filter(name -> name != null && !name.isBlank()).toList();
    }

    private static String logDriver(Map<String, Object> raw, @Nullable HostConfig host) {
        if (Raw.present(raw)) {
            return text(Raw.string(raw, "HostConfig", "LogConfig", "Type"));
        }
        if (host == null || host.getLogConfig() == null || host.getLogConfig().getType() == null) {
            return "";
        }
        return host.getLogConfig().getType().getType();
    }

    private static List<String> nonBlank(Collection<String> values) {
        return values.stream().filter(Objects::nonNull).filter(value -> !value.isBlank()).toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static long orZero(@Nullable Number value) {
        return value == null ? 0 : value.longValue();
    }

    private static long nonNegative(@Nullable Number value) {
        return Math.max(0, orZero(value));
    }
}
