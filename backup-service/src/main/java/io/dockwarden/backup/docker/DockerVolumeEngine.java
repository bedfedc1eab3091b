package io.dockwarden.backup.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import io.dockwarden.backup.BackupProperties;
import io.dockwarden.backup.archive.VolumeArchive;
import io.dockwarden.backup.policy.MountingContainer;
import io.dockwarden.backup.policy.VolumeView;
import io.dockwarden.backup.ports.EngineException;
import io.dockwarden.backup.ports.VolumeEngine;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine through docker-java. Helper containers carry the label {@link #HELPER_LABEL} (and the configured ones),
 * have no network and mount the volume at {@code /volume} without copying image content into it.
 */
class DockerVolumeEngine implements VolumeEngine {

    private static final Logger log = LoggerFactory.getLogger(DockerVolumeEngine.class);
    static final String HELPER_LABEL = "io.dockwarden.backup.helper";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DockerClient client;
    private final BackupProperties.Helper helper;
    private final @Nullable String configuredHostId;
    private volatile @Nullable String engineId;

    DockerVolumeEngine(DockerClient client, BackupProperties.Helper helper, @Nullable String configuredHostId) {
        this.client = client;
        this.helper = helper;
        this.configuredHostId = configuredHostId;
    }

    @Override
    public String hostId() {
        if (configuredHostId != null) {
            return configuredHostId;
        }
        String known = engineId;
        if (known == null) {
            known = call("reading the engine's ID", () -> client.infoCmd().exec().getId());
            if (known == null || known.isBlank()) {
                throw new EngineException("the engine reports no ID; set dockwarden.backup.host-id", false);
            }
            engineId = known;
        }
        return known;
    }

    @Override
    public Optional<VolumeView> inspect(String volumeName) {
        InspectVolumeResponse volume;
        try {
            volume = call("inspecting volume " + volumeName, () -> client.inspectVolumeCmd(volumeName).exec());
        } catch (EngineException e) {
            if (e.getCause() instanceof NotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
        List<Container> containers = call("listing containers of volume " + volumeName,
                () -> client.listContainersCmd().withShowAll(true).withVolumeFilter(List.of(volumeName)).exec());
        return Optional.of(view(volume.getName(), volume.getDriver(), volume.getLabels(), containers));
    }

    @Override
    public List<VolumeView> volumes() {
        List<InspectVolumeResponse> volumes = call("listing volumes",
                () -> client.listVolumesCmd().exec().getVolumes());
        List<Container> containers = call("listing containers",
                () -> client.listContainersCmd().withShowAll(true).exec());
        List<VolumeView> views = new ArrayList<>();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            List<Container> mounting = containers.stream().filter(container -> container.getMounts() != null
                    && container.getMounts().stream().map(ContainerMount::getName)
                            .anyMatch(volume.getName()::equals))
                    .toList();
            views.add(view(volume.getName(), volume.getDriver(), volume.getLabels(), mounting));
        }
        return views;
    }

    private static VolumeView view(String name, @Nullable String driver, @Nullable Map<String, String> labels,
            List<Container> containers) {
        List<MountingContainer> mountedBy = new ArrayList<>();
        for (Container container : containers) {
            String state = container.getState() == null ? "" : container.getState();
            String containerName = container.getNames() == null || container.getNames().length == 0
                    ? container.getId() : container.getNames()[0].replaceFirst("^/", "");
            mountedBy.add(new MountingContainer(container.getId(), containerName,
                    state.equals("running") || state.equals("paused") || state.equals("restarting"),
                    state.equals("paused"), container.getLabels() == null ? Map.of() : container.getLabels()));
        }
        return new VolumeView(name, driver == null ? "local" : driver, labels == null ? Map.of() : labels, mountedBy);
    }

    @Override
    public void createVolume(String volumeName, Map<String, String> labels) {
        run("creating volume " + volumeName,
                () -> client.createVolumeCmd().withName(volumeName).withLabels(new HashMap<>(labels)).exec());
    }

    @Override
    public void removeVolume(String volumeName) {
        try {
            run("removing volume " + volumeName, () -> client.removeVolumeCmd(volumeName).exec());
        } catch (EngineException e) {
            if (!(e.getCause() instanceof NotFoundException)) {
                throw e;
            }
        }
    }

    @Override
    public void stopContainer(String containerId) {
        ignoringNotModified("stopping container " + containerId, () -> client.stopContainerCmd(containerId)
                .withTimeout((int) helper.stopTimeout().toSeconds()).exec());
    }

    @Override
    public void startContainer(String containerId) {
        ignoringNotModified("starting container " + containerId, () -> client.startContainerCmd(containerId).exec());
    }

    @Override
    public void pauseContainer(String containerId) {
        ignoringNotModified("pausing container " + containerId, () -> client.pauseContainerCmd(containerId).exec());
    }

    @Override
    public void unpauseContainer(String containerId) {
        ignoringNotModified("unpausing container " + containerId,
                () -> client.unpauseContainerCmd(containerId).exec());
    }

    @Override
    public long exec(String containerId, String command) {
        String execId = call("creating an exec in " + containerId, () -> client.execCreateCmd(containerId)
                .withCmd("sh", "-c", command).withAttachStdout(true).withAttachStderr(true).exec().getId());
        OutputSize output = new OutputSize();
        try {
            boolean finished = client.execStartCmd(execId).exec(output)
                    .awaitCompletion(helper.hookTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                throw new EngineException("the hook in " + containerId + " did not finish within "
                        + helper.hookTimeout(), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running a hook in " + containerId, true, e);
        } catch (DockerException | IllegalStateException e) {
            throw translate("running a hook in " + containerId, e);
        }
        Long exit = call("inspecting the exec in " + containerId,
                () -> client.inspectExecCmd(execId).exec().getExitCodeLong());
        // Hook output may hold anything, secrets included: only its size is logged.
        log.info("Hook in {} exited with {} after writing {} bytes of output", containerId, exit, output.bytes);
        return exit == null ? -1 : exit;
    }

    /** Counts a hook's output without keeping it. */
    private static final class OutputSize extends ResultCallback.Adapter<Frame> {

        private long bytes;

        @Override
        public void onNext(Frame frame) {
            bytes += frame.getPayload() == null ? 0 : frame.getPayload().length;
        }
    }

    @Override
    public ArchiveStream openArchive(String volumeName) {
        String helperId = createHelper("read", volumeName, true, null);
        try {
            InputStream stream = call("reading the archive of " + volumeName,
                    () -> client.copyArchiveFromContainerCmd(helperId, VolumeArchive.MOUNT_PATH).exec());
            return new ArchiveStream() {
                @Override
                public InputStream stream() {
                    return stream;
                }

                @Override
                public void close() throws IOException {
                    try {
                        stream.close();
                    } finally {
                        removeHelper(helperId);
                    }
                }
            };
        } catch (RuntimeException e) {
            removeHelper(helperId);
            throw e;
        }
    }

    @Override
    public void writeArchive(String volumeName, InputStream tar) {
        String helperId = createHelper("write", volumeName, false, null);
        try {
            // Written at "/": the entries' "volume/" prefix lands in the mount, and the volume root's own entry
            // restores the root directory's mode and owner.
            run("writing the archive into " + volumeName, () -> client.copyArchiveToContainerCmd(helperId)
                    .withRemotePath("/").withTarInputStream(tar).withNoOverwriteDirNonDir(true)
                    .withCopyUIDGID(true).exec());
        } finally {
            removeHelper(helperId);
        }
    }

    @Override
    public void emptyVolume(String volumeName) {
        String helperId = createHelper("empty", volumeName, false, List.of("sh", "-c",
                "find " + VolumeArchive.MOUNT_PATH + " -mindepth 1 -maxdepth 1 -exec rm -rf {} +"));
        try {
            run("starting the helper that empties " + volumeName, () -> client.startContainerCmd(helperId).exec());
            Integer status = call("waiting for the helper that empties " + volumeName, () -> client
                    .waitContainerCmd(helperId).start().awaitStatusCode(helper.hookTimeout().toMillis(),
                            TimeUnit.MILLISECONDS));
            if (status == null || status != 0) {
                throw new EngineException("emptying volume " + volumeName + " failed: the helper exited with "
                        + status, false);
            }
        } finally {
            removeHelper(helperId);
        }
    }

    /** Removes helper containers older than the given age: what a crash left. Returns how many went. */
    int removeStaleHelpers(Duration olderThan) {
        Instant limit = Instant.now().minus(olderThan);
        List<Container> helpers = call("listing helper containers", () -> client.listContainersCmd()
                .withShowAll(true).withLabelFilter(List.of(HELPER_LABEL)).exec());
        int removed = 0;
        for (Container container : helpers) {
            if (container.getCreated() != null && Instant.ofEpochSecond(container.getCreated()).isBefore(limit)) {
                removeHelper(container.getId());
                removed++;
            }
        }
        return removed;
    }

    private String createHelper(String role, String volumeName, boolean readOnly, @Nullable List<String> command) {
        Map<String, String> labels = new HashMap<>(helper.labels());
        labels.put(HELPER_LABEL, role);
        String name = "dockwarden-backup-" + role + "-" + HexFormat.of().formatHex(randomBytes());
        Mount mount = new Mount().withType(MountType.VOLUME).withSource(volumeName)
                .withTarget(VolumeArchive.MOUNT_PATH).withReadOnly(readOnly)
                .withVolumeOptions(new VolumeOptions().withNoCopy(true));
        return call("creating a helper container for " + volumeName, () -> {
            CreateContainerCmd create = client.createContainerCmd(helper.image())
                    .withName(name)
                    .withLabels(labels)
                    .withNetworkDisabled(true)
                    .withCmd(command == null ? List.of("true") : command)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMounts(List.of(mount)));
            return create.exec().getId();
        });
    }

    private void removeHelper(String helperId) {
        try {
            client.removeContainerCmd(helperId).withForce(true).withRemoveVolumes(false).exec();
        } catch (NotFoundException gone) {
            // Already removed.
        } catch (RuntimeException e) {
            log.warn("Could not remove helper container {}: {}", helperId, e.getMessage());
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void ignoringNotModified(String what, Runnable action) {
        try {
            run(what, action);
        } catch (EngineException e) {
            if (!(e.getCause() instanceof NotModifiedException)) {
                throw e;
            }
        }
    }

    private static void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    /** Engine errors keep their status; 5xx and transport failures may pass, 4xx do not. */
    static EngineException translate(String what, RuntimeException e) {
        if (e instanceof EngineException engine) {
            return engine;
        }
        if (e instanceof DockerException docker) {
            int status = docker.getHttpStatus();
            return new EngineException(what + " failed: " + firstLine(docker.getMessage()) + " (HTTP " + status + ")",
                    status >= 500 || status == 408 || status == 429, e);
        }
        return new EngineException(what + " failed: " + firstLine(rootMessage(e)), true, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
