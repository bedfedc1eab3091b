package io.dockwarden.inventory.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventData;
import io.dockwarden.events.container.ContainerCreated;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerStarted;
import io.dockwarden.events.container.ContainerStateRecorded;
import io.dockwarden.events.container.ContainerStopped;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.VolumeSnapshots;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeRemoved;
import io.dockwarden.inventory.tracking.InventoryObserver.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private static final String HOST = "host-1";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final FakeEngine engine = new FakeEngine();
    private final RecordingSink sink = new RecordingSink();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final AtomicLong clockNanos = new AtomicLong(1);
    private final Inventory inventory = new Inventory(HOST, engine, sink, workers,
            Clock.fixed(NOW, ZoneOffset.UTC), InventoryObserver.NONE,
            new Backoff(Duration.ofMillis(5), 2.0, Duration.ofMillis(20)));

    @AfterEach
    void stop() {
        sink.recover();
        inventory.close();
        workers.shutdownNow();
    }

    @Test
    void aFullSyncObservesEveryContainerVolumeAndTheEngine() throws Exception {
        ContainerSnapshot web = container("web", 1, "data");
        ContainerSnapshot db = container("db", 1, null);
        engine.volumes.put("data", VolumeSnapshots.unmounted("data"));

        SyncReport report = inventory.fullSync().get(10, TimeUnit.SECONDS);

        assertThat(report.containers()).isEqualTo(2);
        assertThat(report.volumes()).isEqualTo(1);
        assertThat(sink.events(ContainerObserved.class)).extracting(ContainerObserved::snapshot)
                .containsExactlyInAnyOrder(web, db);
        assertThat(sink.events(ContainerStateRecorded.class)).extracting(ContainerStateRecorded::snapshot)
                .containsExactlyInAnyOrder(web, db);
        assertThat(sink.events(VolumeObserved.class)).singleElement()
                .satisfies(volume -> assertThat(volume.volume().mountedBy()).singleElement()
                        .satisfies(mounting -> assertThat(mounting.containerName()).isEqualTo("web")));
        assertThat(sink.events(HostObserved.class)).hasSize(1);
        assertThat(inventory.containers()).containsOnlyKeys(web.id(), db.id());
    }

    @Test
    void aResyncPublishesEveryDifferenceAndNothingElse() throws Exception {
        ContainerSnapshot kept = container("kept", 1, null);
        ContainerSnapshot changed = container("changed", 1, null);
        ContainerSnapshot removed = container("removed", 1, null);
        engine.volumes.put("old", VolumeSnapshots.unmounted("old"));
        inventory.fullSync().get(10, TimeUnit.SECONDS);
        sink.clear();

        engine.containers.remove(removed.id());
        engine.volumes.remove("old");
        ContainerSnapshot changedNow = container("changed", 2, null);
        ContainerSnapshot appeared = container("appeared", 1, null);
        inventory.resync().get(10, TimeUnit.SECONDS);

        assertThat(sink.events(ContainerRemoved.class)).singleElement()
                .satisfies(event -> assertThat(event.snapshot()).isEqualTo(removed));
        assertThat(sink.events(ContainerObserved.class)).extracting(ContainerObserved::snapshot)
                .containsExactly(changedNow);
        assertThat(sink.events(ContainerCreated.class)).extracting(ContainerCreated::snapshot)
                .containsExactly(appeared);
        assertThat(sink.events(VolumeRemoved.class)).extracting(VolumeRemoved::volumeName).containsExactly("old");
        assertThat(sink.events(HostObserved.class)).isEmpty();
        assertThat(sink.tombstones()).containsExactly(HOST + "/" + removed.id());
        assertThat(inventory.containers()).containsOnlyKeys(kept.id(), changed.id(), appeared.id());
    }

    @Test
    void aContainerRemovedWhileTheInventoryWasDownIsPublishedAsRemoved() throws Exception {
        ContainerSnapshot gone = ContainerSnapshots.builder().id("c".repeat(64)).name("gone").build();
        inventory.bootstrap(Map.of(gone.id(), gone));

        inventory.fullSync().get(10, TimeUnit.SECONDS);

        assertThat(sink.events(ContainerRemoved.class)).singleElement()
                .satisfies(event -> assertThat(event.name()).isEqualTo("gone"));
        assertThat(sink.tombstones()).containsExactly(HOST + "/" + gone.id());
    }

    @Test
    void neverPublishesAnOlderSnapshotAfterANewerOne() {
        ContainerSnapshot v1 = container("web", 1, null);
        sink.outage();
        inventory.accept(action(v1.id(), "create"));
        awaitTrue(() -> engine.containerReads.get() == 1);

        container("web", 2, null);
        inventory.accept(action(v1.id(), "start"));
        ContainerSnapshot v3 = container("web", 3, null);
        inventory.accept(action(v1.id(), "stop"));
        sink.recover();

        awaitTrue(() -> sink.events(ContainerStopped.class).size() == 1);
        List<ContainerEvent> events = sink.events(ContainerEvent.class);
        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("ContainerCreated", "ContainerStarted", "ContainerStopped");
        assertThat(events).extracting(event -> version(event.snapshot())).isSorted();
        assertThat(events.get(2).snapshot()).isEqualTo(v3);
        assertThat(engine.containerReads).hasValue(2);
    }

    @Test
    void waitsOutABrokerOutageAndPublishesEverythingInOrder() {
        ContainerSnapshot a = container("a", 1, null);
        ContainerSnapshot b = container("b", 1, null);
        sink.outage();
        for (String verb : List.of("create", "start", "stop")) {
            inventory.accept(action(a.id(), verb));
            inventory.accept(action(b.id(), verb));
        }
        awaitTrue(() -> inventory.pendingWork() > 0);
        assertThat(sink.events()).isEmpty();

        sink.recover();

        awaitTrue(() -> sink.events(ContainerStopped.class).size() == 2 && inventory.pendingWork() == 0);
        for (ContainerSnapshot container : List.of(a, b)) {
            assertThat(sink.events(ContainerEvent.class).stream().filter(e -> e.containerId().equals(container.id()))
                    .map(e -> e.getClass().getSimpleName()))
                    .containsExactly("ContainerCreated", "ContainerStarted", "ContainerStopped");
        }
    }

    @Test
    void waitsOutAnEngineOutage() {
        ContainerSnapshot web = container("web", 1, null);
        engine.unavailable.set(true);
        inventory.accept(action(web.id(), "start"));
        awaitTrue(() -> inventory.pendingWork() == 1);

        engine.unavailable.set(false);

        awaitTrue(() -> sink.events(ContainerStarted.class).size() == 1);
    }

    @Test
    void handlesAReplayedActionOnce() {
        ContainerSnapshot web = container("web", 1, null);
        EngineAction start = action(web.id(), "start");

        inventory.accept(start);
        inventory.accept(start);
        inventory.accept(action(web.id(), "stop"));

        awaitTrue(() -> sink.events(ContainerStopped.class).size() == 1);
        assertThat(sink.events(ContainerStarted.class)).hasSize(1);
        assertThat(inventory.lastActionNanos()).isEqualTo(clockNanos.get() - 1);
    }

    @Test
    void publishesTheVolumesAContainerMountsWithTheContainerListed() {
        engine.volumes.put("data", VolumeSnapshots.unmounted("data"));
        ContainerSnapshot web = container("web", 1, "data");

        inventory.accept(action(web.id(), "create"));
        awaitTrue(() -> !sink.events(VolumeObserved.class).isEmpty());
        assertThat(sink.events(VolumeObserved.class).get(0).volume().mountedBy())
                .extracting(mounting -> mounting.containerName()).containsExactly("web");

        engine.containers.remove(web.id());
        inventory.accept(action(web.id(), "destroy"));
        awaitTrue(() -> sink.events(VolumeObserved.class).size() == 2);
        assertThat(sink.events(VolumeObserved.class).get(1).volume().mountedBy()).isEmpty();
        List<EventData> order = sink.events();
        assertThat(order.indexOf(sink.events(ContainerRemoved.class).get(0)))
                .isLessThan(order.indexOf(sink.events(VolumeObserved.class).get(1)));
    }

    private ContainerSnapshot container(String name, int version, String volume) {
        String id = (name + "0".repeat(64)).substring(0, 64).replaceAll("[^0-9a-z]", "0");
        var builder = ContainerSnapshots.builder().id(id).name(name).label("version", Integer.toString(version));
        if (volume != null) {
            builder.addMount(ContainerSnapshots.volume(volume, "/" + volume, true));
        }
        ContainerSnapshot snapshot = builder.build();
        engine.containers.put(id, snapshot);
        return snapshot;
    }

    private EngineAction action(String containerId, String verb) {
        return new EngineAction("container", verb, containerId, Map.of(), clockNanos.getAndIncrement());
    }

    private static int version(ContainerSnapshot snapshot) {
        return Integer.parseInt(snapshot.labels().get("version"));
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
