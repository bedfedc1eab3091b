package io.dockwarden.snapshots;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot.MountingContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps a volume and the containers that mount it to a {@link VolumeSnapshot}. Driver options are reduced to their
 * names: an NFS or CIFS volume keeps its password there.
 */
public final class VolumeSnapshots {

    private static final Set<String> RUNNING_STATES = Set.of("running", "paused", "restarting");

    private VolumeSnapshots() {
    }

    /**
     * The volume's snapshot.
     *
     * @param volume {@code GET /volumes/{name}} (or an entry of {@code GET /volumes})
     * @param containers containers of the engine, in any state; those that mount the volume are listed
     */
    public static VolumeSnapshot from(InspectVolumeResponse volume, Collection<InspectContainerResponse> containers) {
        return withMounts(volume, mountedBy(Objects.requireNonNull(volume.getName(), "volume without name"),
                containers));
    }

    /**
     * The volume's snapshot with mounting containers known otherwise, such as from container snapshots (see
     * {@link #mountedBySnapshots}).
     */
    public static VolumeSnapshot withMounts(InspectVolumeResponse volume, List<MountingContainer> mountedBy) {
        Map<String, Object> raw = Raw.of(volume);
        String name = Objects.requireNonNull(volume.getName(), "volume without name");
        String scope = Raw.string(raw, "Scope");
        Map<String, String> options = volume.getOptions() == null ? Map.of() : volume.getOptions();
        return new VolumeSnapshot(
                name,
                volume.getDriver() == null || volume.getDriver().isBlank() ? "local" : volume.getDriver(),
                volume.getMountpoint() == null ? "" : volume.getMountpoint(),
                "global".equals(scope) ? "global" : "local",
                createdAt(Raw.string(raw, "CreatedAt")),
                labels(volume.getLabels()),
                new TreeSet<>(options.keySet()).stream().filter(key -> key != null && !key.isBlank()).toList(),
                mountedBy);
    }

    /** The containers that mount the named volume, ordered by container name. */
    public static List<MountingContainer> mountedBy(String volumeName,
            Collection<InspectContainerResponse> containers) {
        List<MountingContainer> mounting = new ArrayList<>();
        for (InspectContainerResponse container : containers) {
            for (VolumeMount mount : volumeMountsOf(container)) {
                if (mount.volumeName().equals(volumeName)) {
                    mounting.add(new MountingContainer(container.getId(), containerName(container),
                            mount.destination(), mount.rw(), isRunning(container), labels(
                                    container.getConfig() == null ? null : container.getConfig().getLabels())));
                }
            }
        }
        mounting.sort(Comparator.comparing(MountingContainer::containerName)
                .thenComparing(MountingContainer::destination));
        return mounting;
    }

    /**
     * The containers that mount the named volume, read from their snapshots: a service that keeps snapshots need not
     * inspect every container again. A container counts as running while the engine runs its process (running,
     * paused or restarting), as {@code State.Running} says.
     */
    public static List<MountingContainer> mountedBySnapshots(String volumeName,
            Collection<ContainerSnapshot> containers) {
        List<MountingContainer> mounting = new ArrayList<>();
        for (ContainerSnapshot container : containers) {
            for (ContainerSnapshot.Mount mount : container.mounts()) {
                if ("volume".equals(mount.type()) && volumeName.equals(mount.name())) {
                    mounting.add(new MountingContainer(container.id(), container.name(), mount.destination(),
                            mount.rw(), RUNNING_STATES.contains(container.status()), container.labels()));
                }
            }
        }
        mounting.sort(Comparator.comparing(MountingContainer::containerName)
                .thenComparing(MountingContainer::destination));
        return mounting;
    }

    /** The named volumes a container mounts, so that a caller can tell which volumes a container change touches. */
    public static Set<String> volumeNamesOf(InspectContainerResponse container) {
        Set<String> names = new TreeSet<>();
        volumeMountsOf(container).forEach(mount -> names.add(mount.volumeName()));
        return names;
    }

    private record VolumeMount(String volumeName, String destination, boolean rw) {
    }

    private static List<VolumeMount> volumeMountsOf(InspectContainerResponse container) {
        List<VolumeMount> mounts = new ArrayList<>();
        Map<String, Object> raw = Raw.of(container);
        if (Raw.present(raw)) {
            for (Object entry : Raw.list(raw, "Mounts")) {
                String type = Raw.string(entry, "Type");
                String name = Raw.string(entry, "Name");
                String destination = Raw.string(entry, "Destination");
                if (name != null && !name.isBlank() && destination != null && !destination.isBlank()
                        && (type == null || type.equals("volume"))) {
                    mounts.add(new VolumeMount(name, destination, !Boolean.FALSE.equals(Raw.bool(entry, "RW"))));
                }
            }
        } else if (container.getMounts() != null) {
            for (InspectContainerResponse.Mount mount : container.getMounts()) {
                if (mount.getName() != null && !mount.getName().isBlank() && mount.getDestination() != null) {
                    mounts.add(new VolumeMount(mount.getName(), mount.getDestination().getPath(),
                            !Boolean.FALSE.equals(mount.getRW())));
                }
            }
        }
        return mounts;
    }

    private static String containerName(InspectContainerResponse container) {
        String name = container.getName();
        if (name == null || name.isBlank()) {
            return container.getId();
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static boolean isRunning(InspectContainerResponse container) {
        return container.getState() != null && Boolean.TRUE.equals(container.getState().getRunning());
    }

    private static @Nullable Instant createdAt(@Nullable String text) {
        return EngineTime.parse(text);
    }

    private static Map<String, String> labels(@Nullable Map<String, String> labels) {
        Map<String, String> copy = new TreeMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> {
                if (key != null && !key.isEmpty()) {
                    copy.put(key, value == null ? "" : value);
                }
            });
        }
        return copy;
    }
}
