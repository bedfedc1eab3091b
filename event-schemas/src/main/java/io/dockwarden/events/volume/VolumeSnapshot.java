package io.dockwarden.events.volume;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Docker volume and the containers that mount it. Driver options are carried by name only: they can hold credentials
 * (an NFS or CIFS password).
 *
 * @param name volume name
 * @param driver volume driver
 * @param mountpoint where the engine keeps its data
 * @param scope local or global
 * @param createdAt when the engine created it, if it says
 * @param labels volume labels
 * @param optionNames names of the driver options
 * @param mountedBy the containers mounting it, in any state
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeSnapshot(String name, String driver, String mountpoint, String scope, @Nullable Instant createdAt,
        Map<String, String> labels, List<String> optionNames, List<MountingContainer> mountedBy) {

    public VolumeSnapshot {
        labels = Map.copyOf(labels);
        optionNames = List.copyOf(optionNames);
        mountedBy = List.copyOf(mountedBy);
    }

    /**
     * A container mounting the volume.
     *
     * @param containerId full container id
     * @param containerName container name
     * @param destination mount path in the container
     * @param rw whether it mounts it writable
     * @param running whether the container is running
     * @param labels the container's labels (backup policies may sit on the container)
     */
    public record MountingContainer(String containerId, String containerName, String destination, boolean rw,
            boolean running, Map<String, String> labels) {

        public MountingContainer {
            labels = Map.copyOf(labels);
        }
    }
}
