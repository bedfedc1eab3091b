package io.dockwarden.inventory;

import static io.dockwarden.testsupport.kafka.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerStateRecorded;
import io.dockwarden.inventory.engine.EngineWatch;
import io.dockwarden.inventory.tracking.Inventory;
import io.dockwarden.snapshots.ContainerSnapshots;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.docker.TestDockerd;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inventory against an engine and a broker the test owns and takes away: a second dockerd that is stopped and
 * started with a different state, and a broker killed during live events. Afterwards the published state must equal
 * the engine's, with no change missed and nothing lost.
 */
@RequiresDocker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutagesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static TestDockerd dockerd;
    private static KafkaBroker broker;
    private static EngineWatch watching;

    @Autowired
    EngineWatch watch;

    @DynamicPropertySource
    static void ownEngineAndBroker(DynamicPropertyRegistry registry) {
        dockerd = TestDockerd.start();
        dockerd.engine().ensureTestImage();
        broker = KafkaBroker.dedicated();
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("dockwarden.inventory.docker.host", dockerd::dockerHost);
        registry.add("dockwarden.inventory.ping-interval", () -> "1s");
        // Slow to come back, so that the test changes the restarted engine before the inventory reconnects.
        registry.add("dockwarden.inventory.reconnect.initial", () -> "6s");
        registry.add("dockwarden.inventory.reconnect.multiplier", () -> "1.0");
        registry.add("dockwarden.inventory.reconnect.max", () -> "6s");
        registry.add("dockwarden.inventory.publish-retry.initial", () -> "200ms");
        registry.add("dockwarden.inventory.publish-retry.max", () -> "2s");
    }

    @AfterAll
    static void stopOwnParts() {
        // The inventory stops first, so that it does not watch its engine and broker disappear.
        if (watching != null) {
            watching.close();
        }
        if (dockerd != null) {
            dockerd.engine().removeTestResources();
            dockerd.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void awaitInitialSync() throws Exception {
        watching = watch;
        awaitTrue("the initial sync started", () -> watch.initialSync().isPresent());
        watch.initialSync().orElseThrow().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void convergesToTheEngineStateAfterTheEngineRestartsWithADifferentState() throws Exception {
        DockerEngine engine = dockerd.engine();
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS);
                TopicProbe state = broker.probe(Topics.CONTAINER_STATE)) {
            String keep = engine.createAndStart("keep", quickToStop());
            String doomed = engine.createContainer("doomed", create -> { });
            String renamed = engine.createContainer("renamed", create -> { });
            awaitType(events, keep, "container.started");
            awaitType(events, doomed, "container.created");
            awaitType(events, renamed, "container.created");

            dockerd.stop();
            awaitTrue("the inventory noticed the engine is gone", () -> !watch.connected());
            dockerd.startAgain();
            // Changed while the inventory waits to reconnect (its backoff is 6 s): found by replay and resync.
            engine.client().removeContainerCmd(doomed).withForce(true).exec();
            engine.client().renameContainerCmd(renamed).withName("renamed-while-away").exec();
            String fresh = engine.createContainer("fresh", create -> { });
            engine.client().startContainerCmd(keep).exec();

            awaitTrue("the inventory reconnected", watch::connected);
            List<String> alive = List.of(keep, renamed, fresh);
            awaitTrue("the published state equals the engine's", () -> alive.stream()
                    .allMatch(id -> inventory().container(id).equals(Optional.of(truth(engine, id))))
                    && inventory().container(doomed).isEmpty());

            awaitType(events, doomed, "container.removed");
            awaitType(events, fresh, "container.created");
            for (String id : alive) {
                ContainerSnapshot expected = truth(engine, id);
                awaitTrue("the latest event of " + expected.name() + " carries the engine's snapshot",
                        () -> latestSnapshot(events, id).equals(Optional.of(expected)));
                awaitTrue("the state topic holds the engine's snapshot of " + expected.name(),
                        () -> latestState(state, id).equals(Optional.of(expected)));
            }
            awaitTrue("the state topic removed the container removed while away", () -> state.records(
                    withKey(key(doomed))).stream().anyMatch(record -> record.value() == null));
            List<String> keepStatuses = decode(events.records(withKey(key(keep)))).stream()
                    .map(ContainerEvent::snapshot).map(ContainerSnapshot::status).toList();
            assertThat(keepStatuses).as("keep ran, stopped with its engine, and runs again")
                    .containsSubsequence("running", "exited", "running");
        }
    }

    @Test
    void losesNothingWhenTheBrokerIsDownForAFewSeconds() throws Exception {
        DockerEngine engine = dockerd.engine();
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS)) {
            broker.kill();
            String web = engine.createAndStart("web-during-outage", quickToStop());
            String job = engine.createContainer("job-during-outage", create -> { });
            engine.client().stopContainerCmd(web).withTimeout(5).exec();
            engine.client().removeContainerCmd(job).exec();
            awaitTrue("work waits for the broker", () -> inventory().pendingWork() > 0);
            // The outage itself: the broker stays away a few seconds while the events wait.
            Thread.sleep(3_000);
            broker.start();

            awaitType(events, web, "container.stopped");
            awaitType(events, job, "container.removed");
            assertThat(types(events, web)).containsExactly("container.created", "container.started",
                    "container.died", "container.stopped");
            assertThat(types(events, job)).containsExactly("container.created", "container.removed");
        }
    }

    /** A container whose process leaves at once on SIGTERM, as a real service would, so that stopping is quick. */
    private static java.util.function.Consumer<com.github.dockerjava.api.command.CreateContainerCmd> quickToStop() {
        return create -> create.withCmd("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait");
    }

    private Inventory inventory() {
        return watch.inventory().orElseThrow();
    }

    private String key(String containerId) {
        return inventory().hostId() + "/" + containerId;
    }

    private static ContainerSnapshot truth(DockerEngine engine, String id) {
        return ContainerSnapshots.inspect(engine.client(), id);
    }

    private Optional<ContainerSnapshot> latestSnapshot(TopicProbe events, String id) {
        List<ContainerEvent> decoded = decode(events.records(withKey(key(id))));
        return decoded.isEmpty() ? Optional.empty()
                : Optional.ofNullable(decoded.get(decoded.size() - 1).snapshot());
    }

    private Optional<ContainerSnapshot> latestState(TopicProbe state, String id) {
        List<ConsumerRecord<String, byte[]>> records = state.records(withKey(key(id)));
        if (records.isEmpty() || records.get(records.size() - 1).value() == null) {
            return Optional.empty();
        }
        EventData data = InventoryIntegrationTest.decode(records.get(records.size() - 1));
        return Optional.of(((ContainerStateRecorded) data).snapshot());
    }

    private static List<ContainerEvent> decode(List<ConsumerRecord<String, byte[]>> records) {
        List<ContainerEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add((ContainerEvent) InventoryIntegrationTest.decode(record));
        }
        return events;
    }

    private List<String> types(TopicProbe events, String id) {
        return events.records(withKey(key(id))).stream().map(InventoryIntegrationTest::type).toList();
    }

    private void awaitType(TopicProbe events, String id, String type) {
        events.await(withKey(key(id)).and(record -> InventoryIntegrationTest.type(record).equals(type)), 1, WAIT);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + WAIT);
            }
            Thread.sleep(100);
        }
    }
}
