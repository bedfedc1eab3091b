package io.dockwarden.inventory.tracking;

import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the inventory reads from the engine, as snapshots of the contract. Every method either answers with the
 * engine's present state or throws {@link EngineUnavailableException}; "not there" is an answer, not a failure.
 */
public interface EngineView {

    /** The container now, or empty if the engine has no such container. */
    Optional<ContainerSnapshot> container(String containerId);

    /** Ids of every container, in any state. */
    List<String> containerIds();

    /**
     * The volume now, or empty if the engine has no such volume.
     *
     * @param containers the containers as last published, to say which mount it
     */
    Optional<VolumeSnapshot> volume(String name, Collection<ContainerSnapshot> containers);

    List<String> volumeNames();

    HostSnapshot host();

    /** An image changed (tagged, untagged, deleted, pulled); facts remembered about it must be read again. */
    void forgetImage(String imageIdOrName);
}
