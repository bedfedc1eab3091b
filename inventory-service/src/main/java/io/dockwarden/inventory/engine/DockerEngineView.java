package io.dockwarden.inventory.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot;
import io.dockwarden.inventory.tracking.EngineUnavailableException;
import io.dockwarden.inventory.tracking.EngineView;
import io.dockwarden.snapshots.ContainerSnapshots;
import io.dockwarden.snapshots.HostSnapshots;
import io.dockwarden.snapshots.VolumeSnapshots;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the engine through docker-java and maps what it says with the shared snapshot mapping. A 404 is an answer
 * (the object is gone); a server error or no answer at all means the engine is unavailable, and the caller waits.
 */
final class DockerEngineView implements EngineView {

    private final DockerClient client;
    private final ImageCache images;

    DockerEngineView(DockerClient client) {
        this.client = client;
        this.images = new ImageCache(client);
    }

    @Override
    public Optional<ContainerSnapshot> container(String containerId) {
        return ask("inspect container " + containerId, () -> {
            try {
                InspectContainerResponse container = client.inspectContainerCmd(containerId).exec();
                String imageId = container.getImageId();
                ImageCache.CachedImage image = imageId == null || imageId.isBlank()
                        ? new ImageCache.CachedImage(null, List.of())
                        : images.get(imageId);
                return Optional.of(ContainerSnapshots.from(container, image.image(), image.history()));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<String> containerIds() {
        return ask("list containers", () -> client.listContainersCmd().withShowAll(true).exec().stream()
                .map(Container::getId).filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<VolumeSnapshot> volume(String name, Collection<ContainerSnapshot> containers) {
        return ask("inspect volume " + name, () -> {
            try {
                InspectVolumeResponse volume = client.inspectVolumeCmd(name).exec();
                return Optional.of(VolumeSnapshots.withMounts(volume,
                        VolumeSnapshots.mountedBySnapshots(name, containers)));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<String> volumeNames() {
        return ask("list volumes", () -> {
            List<InspectVolumeResponse> volumes = client.listVolumesCmd().exec().getVolumes();
            return volumes == null ? List.<String>of()
                    : volumes.stream().map(InspectVolumeResponse::getName).filter(Objects::nonNull).toList();
        });
    }

    @Override
    public HostSnapshot host() {
        return ask("read the engine's info", () -> {
            Info info = client.infoCmd().exec();
            Version version = client.versionCmd().exec();
            Network bridge;
            try {
                bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
            } catch (NotFoundException noDefaultBridge) {
                bridge = null;
            }
            return HostSnapshots.from(info, version, bridge);
        });
    }

    @Override
    public void forgetImage(String imageIdOrName) {
        images.clear();
    }

    /**
     * Runs a request; a client error other than 404 is a bug here and not retried, anything else (no connection, a
     * server error while the engine restarts) is an outage.
     */
    private static <T> T ask(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (DockerException answered) {
            int status = answered.getHttpStatus();
            if (status >= 400 && status < 500) {
                throw new IllegalStateException("the engine refused to " + what + " (HTTP " + status + "): "
                        + answered.getMessage(), answered);
            }
            throw new EngineUnavailableException("the engine could not " + what + ": " + answered.getMessage(),
                    answered);
        } catch (RuntimeException unreachable) {
            throw new EngineUnavailableException("the engine could not be reached to " + what + ": "
                    + rootMessage(unreachable), unreachable);
        }
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
