package io.dockwarden.backup.ports;

import io.dockwarden.backup.policy.VolumeView;
import java.io.Closeable;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker engine, as the pipelines use it. Volume content only ever moves through helper containers that mount the
 * volume at {@link io.dockwarden.backup.archive.VolumeArchive#MOUNT_PATH}, have no network, and are removed after use.
 * Every method throws {@link EngineException} when the engine fails.
 */
public interface VolumeEngine {

    /** The configured host id, or the engine's ID. */
    String hostId();

    Optional<VolumeView> inspect(String volumeName);

    /** Every volume with the containers mounting it, for policy scans. */
    List<VolumeView> volumes();

    void createVolume(String volumeName, Map<String, String> labels);

    void removeVolume(String volumeName);

    void stopContainer(String containerId);

    void startContainer(String containerId);

    void pauseContainer(String containerId);

    void unpauseContainer(String containerId);

    /**
     * Runs {@code sh -c command} in a running container and waits for it.
     *
     * @return the exit code
     */
    long exec(String containerId, String command);

    /**
     * Streams a tar of the volume from a helper container that mounts it read-only and is never started, so that the
     * engine's lock on the helper, held for the whole stream, blocks nothing else. Closing removes the helper.
     */
    ArchiveStream openArchive(String volumeName);

    /** Writes a tar whose names start with {@code volume/} into the volume, through a helper container. */
    void writeArchive(String volumeName, InputStream tar);

    /** Deletes everything in the volume, keeping the volume, through a helper container that runs once. */
    void emptyVolume(String volumeName);

    /** A volume's archive as it streams from the engine; closing ends the stream and removes the helper. */
    interface ArchiveStream extends Closeable {

        InputStream stream();
    }
}
