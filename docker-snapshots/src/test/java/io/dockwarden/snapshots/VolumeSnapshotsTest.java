package io.dockwarden.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot.MountingContainer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeSnapshotsTest {

    private final VolumeSnapshot data = VolumeSnapshots.from(EngineFixtures.volume("data"),
            List.of(EngineFixtures.container("hardened"), EngineFixtures.container("risky"),
                    EngineFixtures.container("exited")));

    @Test
    void mapsTheVolume() {
        assertThat(data.name()).isEqualTo("dw-fixture-data");
        assertThat(data.driver()).isEqualTo("local");
        assertThat(data.scope()).isEqualTo("local");
        assertThat(data.mountpoint()).isEqualTo("/var/lib/docker/volumes/dw-fixture-data/_data");
        assertThat(data.createdAt()).isEqualTo(Instant.parse("2026-11-23T16:53:58Z"));
        assertThat(data.labels()).containsEntry("backup.schedule", "daily");
        assertThat(data.optionNames()).isEmpty();
    }

    @Test
    void listsTheContainersThatMountIt() {
        assertThat(data.mountedBy()).singleElement().satisfies(mounting -> {
            assertThat(mounting.containerName()).isEqualTo("dw-fixture-hardened");
            assertThat(mounting.destination()).isEqualTo("/data");
            assertThat(mounting.rw()).isTrue();
            assertThat(mounting.running()).isTrue();
            assertThat(mounting.labels()).containsEntry("backup.volumes", "data");
        });
    }

    @Test
    void listsTheSameMountingContainersFromSnapshots() {
        List<io.dockwarden.events.container.ContainerSnapshot> snapshots = List.of(
                ContainerSnapshots.from(EngineFixtures.container("hardened"), null, List.of()),
                ContainerSnapshots.from(EngineFixtures.container("risky"), null, List.of()));

        assertThat(VolumeSnapshots.mountedBySnapshots("dw-fixture-data", snapshots)).isEqualTo(data.mountedBy());
    }

    @Test
    void namesTheVolumesAContainerMounts() {
        assertThat(VolumeSnapshots.volumeNamesOf(EngineFixtures.container("hardened")))
                .containsExactly("dw-fixture-data");
        assertThat(VolumeSnapshots.volumeNamesOf(EngineFixtures.container("risky"))).isEmpty();
    }

    @Test
    void keepsDriverOptionNamesOnly() {
        VolumeSnapshot nfs = VolumeSnapshots.from(withOptions(), List.of());

        assertThat(nfs.optionNames()).containsExactly("device", "o", "type");
        assertThat(nfs.toString()).doesNotContain(EngineFixtures.SECRET);
    }

    @Test
    void producesASnapshotValidUnderTheContract() {
        assertThatCode(() -> new EventCodec("/dockwarden/inventory/test")
                .encode(new VolumeObserved("host-1", Instant.now(), data))).doesNotThrowAnyException();
        assertThat(data.mountedBy()).extracting(MountingContainer::containerId).allMatch(id -> id.length() == 64);
    }

    private static com.github.dockerjava.api.command.InspectVolumeResponse withOptions() {
        try {
            return EngineFixtures.mapper().readValue("""
                    {"Name": "nfs-data", "Driver": "local", "Mountpoint": "/var/lib/docker/volumes/nfs-data/_data",
                     "Scope": "local", "Labels": null,
                     "Options": {"type": "nfs", "o": "addr=10.0.0.5,username=app,password=hunter2",
                                 "device": ":/exports/data"}}
                    """, com.github.dockerjava.api.command.InspectVolumeResponse.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
