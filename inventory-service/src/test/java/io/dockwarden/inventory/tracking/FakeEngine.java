package io.dockwarden.inventory.tracking;

import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine held in memory for the inventory's unit tests: containers and volumes are set by the test, and it can be
 * made unavailable to see the inventory wait.
 */
final class FakeEngine implements EngineView {

    final Map<String, ContainerSnapshot> containers = new ConcurrentHashMap<>();
    final Map<String, VolumeSnapshot> volumes = new ConcurrentHashMap<>();
    final AtomicBoolean unavailable = new AtomicBoolean();
    final AtomicInteger containerReads = new AtomicInteger();
    volatile HostSnapshot host = HostSnapshots.builder().build();

    @Override
    public Optional<ContainerSnapshot> container(String containerId) {
        check();
        containerReads.incrementAndGet();
        return Optional.ofNullable(containers.get(containerId));
    }

    @Override
    public List<String> containerIds() {
        check();
        return new ArrayList<>(containers.keySet());
    }

    @Override
    public Optional<VolumeSnapshot> volume(String name, Collection<ContainerSnapshot> known) {
        check();
        VolumeSnapshot volume = volumes.get(name);
        if (volume == null) {
            return Optional.empty();
        }
        List<VolumeSnapshot.MountingContainer> mounting = new ArrayList<>();
        for (ContainerSnapshot container : known) {
            for (ContainerSnapshot.Mount mount : container.mounts()) {
                if (name.equals(mount.name())) {
                    mounting.add(new VolumeSnapshot.MountingContainer(container.id(), container.name(),
                            mount.destination(), mount.rw(), container.status().equals("running"),
                            container.labels()));
                }
            }
        }
        return Optional.of(new VolumeSnapshot(volume.name(), volume.driver(), volume.mountpoint(), volume.scope(),
                volume.createdAt(), volume.labels(), volume.optionNames(), mounting));
    }

    @Override
    public List<String> volumeNames() {
        check();
        return new ArrayList<>(volumes.keySet());
    }

    @Override
    public HostSnapshot host() {
        check();
        return host;
    }

    @Override
    public void forgetImage(String imageIdOrName) {
    }

    private void check() {
        if (unavailable.get()) {
            throw new EngineUnavailableException("the fake engine is down", new java.io.IOException("down"));
        }
    }
}
