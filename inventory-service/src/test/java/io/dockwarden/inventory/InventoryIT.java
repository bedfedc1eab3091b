package io.dockwarden.inventory;

import static io.dockwarden.testsupport.kafka.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import io.dockwarden.events.Topics;
import io.dockwarden.events.container.ContainerCreated;
import io.dockwarden.events.container.ContainerDied;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.container.ContainerRenamed;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerSnapshot.HealthcheckConfig;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.container.ContainerStarted;
import io.dockwarden.events.container.ContainerStateRecorded;
import io.dockwarden.events.container.ContainerStopped;
import io.dockwarden.events.container.ContainerUpdated;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeRemoved;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class InventoryIT extends InventoryIntegrationTest {

    private static final long MIB = 1024L * 1024L;
    private static final long SECOND = 1_000_000_000L;
    private static final Set<String> LIFECYCLE = Set.of("container.created", "container.started", "container.died",
            "container.stopped", "container.renamed", "container.updated", "container.removed");

    @Test
    void startsHealthyAgainstARealBrokerAndEngine() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"engine\"").contains("\"status\":\"UP\"").contains("secondsSinceLastEvent")
                .contains(hostId());

        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics/dockwarden.inventory.events.published").statusCode()).isEqualTo(200);
    }

    @Test
    void publishesEveryLifecycleActionInOrderWithAFreshSnapshot() throws Exception {
        String name = uniqueName("life");
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS);
                TopicProbe state = broker.probe(Topics.CONTAINER_STATE)) {
            String id = engine.createContainer(name, create -> {
                create.withHealthcheck(new HealthCheck().withTest(List.of("CMD-SHELL", "test -d /tmp"))
                        .withInterval(SECOND).withTimeout(SECOND).withRetries(3));
                create.getHostConfig().withMemory(64 * MIB).withMemorySwap(128 * MIB).withPidsLimit(64L)
                        .withReadonlyRootfs(true).withSecurityOpts(List.of("no-new-privileges"));
            });
            ContainerCreated created = await(events, id, ContainerCreated.class);
            ContainerSnapshot snapshot = created.snapshot();
            assertThat(snapshot.name()).isEqualTo(name);
            assertThat(snapshot.status()).isEqualTo("created");
            assertThat(snapshot.resources().memoryBytes()).isEqualTo(64 * MIB);
            assertThat(snapshot.resources().pidsLimit()).isEqualTo(64L);
            assertThat(snapshot.readonlyRootfs()).isTrue();
            assertThat(snapshot.securityOpt()).contains("no-new-privileges");
            assertThat(snapshot.healthcheck()).isEqualTo(new HealthcheckConfig("CMD-SHELL", SECOND, SECOND, 3, 0));
            assertThat(snapshot.networkMode()).isEqualTo("none");
            assertThat(snapshot.image().ref()).isEqualTo("dockwarden-test/busybox:1");

            engine.client().startContainerCmd(id).exec();
            assertThat(await(events, id, ContainerStarted.class).snapshot().status()).isEqualTo("running");

            engine.client().stopContainerCmd(id).withTimeout(1).exec();
            ContainerStopped stopped = await(events, id, ContainerStopped.class);
            assertThat(stopped.snapshot().status()).isEqualTo("exited");
            assertThat(await(events, id, ContainerDied.class).exitCode()).isEqualTo(137);

            String newName = name + "-renamed";
            engine.client().renameContainerCmd(id).withName(newName).exec();
            ContainerRenamed renamed = await(events, id, ContainerRenamed.class);
            assertThat(renamed.previousName()).isEqualTo(name);
            assertThat(renamed.snapshot().name()).isEqualTo(newName);

            engine.client().updateContainerCmd(id).withCpuShares(512).exec();
            assertThat(await(events, id, ContainerUpdated.class).snapshot().resources().cpuShares()).isEqualTo(512);

            engine.removeContainerQuietly(id);
            ContainerRemoved removed = await(events, id, ContainerRemoved.class);
            assertThat(removed.name()).isEqualTo(newName);
            assertThat(removed.snapshot()).isNotNull();

            List<String> lifecycle = events.records(withKey(key(id))).stream().map(InventoryIntegrationTest::type)
                    .filter(LIFECYCLE::contains).toList();
            assertThat(lifecycle).containsExactly("container.created", "container.started", "container.died",
                    "container.stopped", "container.renamed", "container.updated", "container.removed");

            List<ConsumerRecord<String, byte[]>> recorded = state.await(withKey(key(id))
                    .and(record -> record.value() == null), 1, WAIT);
            assertThat(recorded).as("a tombstone once removed").hasSize(1);
            List<ContainerStateRecorded> snapshots = decodeAll(state.records(withKey(key(id))),
                    ContainerStateRecorded.class);
            assertThat(snapshots).isNotEmpty();
            assertThat(snapshots.get(snapshots.size() - 1).snapshot().name()).isEqualTo(newName);
            assertThat(inventory().container(id)).isEmpty();
        }
    }

    @Test
    void showsRiskySettingsOfACreatedContainerInItsSnapshot() throws Exception {
        Path shared = Files.createTempDirectory("dw-inv-shared-");
        String name = uniqueName("risky");
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS)) {
            String id = engine.createContainer(name, create -> {
                create.withExposedPorts(ExposedPort.tcp(80));
                create.getHostConfig().withPrivileged(true).withCapAdd(Capability.SYS_ADMIN)
                        .withBinds(new Bind(shared.toString(), new Volume("/shared"), AccessMode.rw, SELContext.none,
                                null, PropagationMode.RSHARED))
                        .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("0.0.0.0", 18080),
                                ExposedPort.tcp(80)));
            });

            ContainerSnapshot snapshot = await(events, id, ContainerCreated.class).snapshot();

            assertThat(snapshot.privileged()).isTrue();
            assertThat(snapshot.capAdd()).anyMatch(capability -> capability.endsWith("SYS_ADMIN"));
            assertThat(snapshot.mounts()).contains(new Mount("bind", shared.toString(), "/shared", null, true,
                    "rshared"));
            assertThat(snapshot.ports()).containsExactly(new ContainerSnapshot.PortBinding(80, "tcp", "0.0.0.0",
                    18080));
            assertThat(snapshot.resources().pidsLimit()).isNull();
        } finally {
            Files.deleteIfExists(shared);
        }
    }

    @Test
    void neverPublishesAnOlderSnapshotAfterANewerOneDuringABurst() throws Exception {
        String name = uniqueName("burst");
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS)) {
            String id = engine.createContainer(name, create -> { });
            for (int round = 0; round < 3; round++) {
                engine.client().startContainerCmd(id).exec();
                engine.client().stopContainerCmd(id).withTimeout(0).exec();
            }
            engine.removeContainerQuietly(id);

            await(events, id, ContainerRemoved.class);
            List<ContainerSnapshot> snapshots = decodeAll(events.records(withKey(key(id))), ContainerEvent.class)
                    .stream().map(ContainerEvent::snapshot).filter(Objects::nonNull).toList();
            assertThat(snapshots).isNotEmpty();
            for (int i = 1; i < snapshots.size(); i++) {
                assertThat(orMin(snapshots.get(i).startedAt())).as("startedAt of event %d", i)
                        .isAfterOrEqualTo(orMin(snapshots.get(i - 1).startedAt()));
                assertThat(orMin(snapshots.get(i).finishedAt())).as("finishedAt of event %d", i)
                        .isAfterOrEqualTo(orMin(snapshots.get(i - 1).finishedAt()));
            }
            List<String> types = events.records(withKey(key(id))).stream().map(InventoryIntegrationTest::type)
                    .toList();
            assertThat(types.get(0)).isEqualTo("container.created");
            assertThat(types.get(types.size() - 1)).isEqualTo("container.removed");
            assertThat(types.stream().filter("container.started"::equals)).hasSize(3);
            assertThat(types.stream().filter("container.stopped"::equals)).hasSize(3);
        }
    }

    @Test
    void publishesVolumeEventsListingTheContainersThatMountIt() throws Exception {
        String volume = uniqueName("vol");
        String name = uniqueName("mounter");
        try (TopicProbe volumes = broker.probe(Topics.VOLUME_EVENTS)) {
            engine.createVolume(volume, Map.of("backup.schedule", "daily"));
            VolumeObserved created = awaitVolume(volumes, volume, observed -> true, 1);
            assertThat(created.volume().labels()).containsEntry("backup.schedule", "daily");
            assertThat(created.volume().mountedBy()).isEmpty();

            String id = engine.createContainer(name, create -> create.getHostConfig()
                    .withBinds(new Bind(volume, new Volume("/data"))));
            VolumeObserved mounted = awaitVolume(volumes, volume, observed -> !observed.volume().mountedBy().isEmpty(),
                    1);
            assertThat(mounted.volume().mountedBy()).singleElement().satisfies(container -> {
                assertThat(container.containerId()).isEqualTo(id);
                assertThat(container.containerName()).isEqualTo(name);
                assertThat(container.destination()).isEqualTo("/data");
                assertThat(container.rw()).isTrue();
                assertThat(container.running()).isFalse();
            });

            engine.client().startContainerCmd(id).exec();
            awaitVolume(volumes, volume, observed -> observed.volume().mountedBy().stream()
                    .anyMatch(container -> container.running()), 1);

            engine.removeContainerQuietly(id);
            // Unmounted again: a second snapshot without mounting containers, after the one at creation.
            awaitVolume(volumes, volume, observed -> observed.volume().mountedBy().isEmpty(), 2);
            engine.removeVolumeQuietly(volume);
            List<ConsumerRecord<String, byte[]>> removed = volumes.await(withKey(key(volume))
                    .and(record -> type(record).equals("volume.removed")), 1, WAIT);
            assertThat(((VolumeRemoved) decode(removed.get(0))).volumeName()).isEqualTo(volume);
        }
    }

    @Test
    void servesTheCurrentViewOverHttp() throws Exception {
        String name = uniqueName("api");
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS)) {
            String id = engine.createContainer(name, create -> create.withLabels(Map.of("team", "payments")));
            await(events, id, ContainerCreated.class);

            HttpResponse<String> containers = get("/api/containers?label=team=payments&name=" + name);
            assertThat(containers.statusCode()).isEqualTo(200);
            assertThat(containers.body()).contains(id).contains("\"status\":\"created\"");

            HttpResponse<String> byName = get("/api/containers/" + name);
            assertThat(byName.statusCode()).isEqualTo(200);
            assertThat(byName.body()).contains(id).contains("\"hostId\":\"" + hostId() + "\"");
            assertThat(get("/api/containers/" + id.substring(0, 12)).body()).contains(name);
            assertThat(get("/api/containers/no-such-container").statusCode()).isEqualTo(404);

            HttpResponse<String> hosts = get("/api/hosts");
            assertThat(hosts.statusCode()).isEqualTo(200);
            assertThat(hosts.body()).contains("\"hostId\":\"" + hostId() + "\"").contains("\"connected\":true")
                    .contains("\"serverVersion\"");
            assertThat(get("/api/volumes").statusCode()).isEqualTo(200);
        }
    }

    private <T extends ContainerEvent> T await(TopicProbe probe, String containerId, Class<T> type) {
        Predicate<ConsumerRecord<String, byte[]>> matching = withKey(key(containerId))
                .and(record -> record.value() != null && type.isInstance(decode(record)));
        List<ConsumerRecord<String, byte[]>> records = probe.await(matching, 1, WAIT);
        return type.cast(decode(records.get(records.size() - 1)));
    }

    private VolumeObserved awaitVolume(TopicProbe probe, String volume, Predicate<VolumeObserved> condition,
            int count) {
        Predicate<ConsumerRecord<String, byte[]>> matching = withKey(key(volume)).and(record -> record.value() != null
                && decode(record) instanceof VolumeObserved observed && condition.test(observed));
        List<ConsumerRecord<String, byte[]>> records = probe.await(matching, count, WAIT);
        return (VolumeObserved) decode(records.get(records.size() - 1));
    }

    private static Instant orMin(Instant instant) {
        return instant == null ? Instant.MIN : instant;
    }
}
