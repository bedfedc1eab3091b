package io.dockwarden.benchmarks.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.container.ContainerStateRecorded;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.docker.TestDockerd;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Engine restart: the inventory watches a test-owned Docker daemon through a line the drill can cut. The line is cut,
 * the daemon restarts (its containers stop), 20 container changes are made while the inventory is disconnected
 * (creates, starts, removals, renames), and the line comes back. Counts the time until the published state (the
 * compacted container-state topic) matches the engine again and the changes it missed; goal: none missed.
 */
@RequiresDocker
class EngineRestartDrillIT {

    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void convergesWithoutMissingAChangeMadeWhileDisconnected() throws Exception {
        DrillReport report = new DrillReport("engine-restart", "Drill: engine restart with changes while the "
                + "inventory is disconnected").setting("changes while disconnected", 20);
        report.run(() -> {
            try (TestDockerd dockerd = TestDockerd.start();
                    BenchStack stack = BenchStack.create(DrillReport.home(), report.logs());
                    EngineLink link = new EngineLink(Path.of(dockerd.dockerHost().substring("unix://".length())))) {
                DockerEngine engine = dockerd.engine();
                engine.ensureTestImage();
                DockerClient docker = engine.client();
                String hostId = docker.infoCmd().exec().getId();
                RunningService inventory = stack.start(stack.services(link.dockerHost(), Map.of())
                        .inventory(FreePorts.next()));
                List<String> before = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    before.add(i < 4 ? engine.createAndStart("before-" + i, command -> { })
                            : engine.createContainer("before-" + i, command -> { }));
                }
                try (TopicProbe state = stack.kafka().probeFromBeginning(Topics.CONTAINER_STATE)) {
                    assertThat(awaitConverged(state, docker, hostId, Duration.ofMinutes(3)))
                            .as("the inventory's state matches the engine before the drill").isTrue();

                    link.cut();
                    boolean sawDown = awaitHealth(inventory, "engine", status -> !"UP".equals(status),
                            Duration.ofSeconds(90));
                    dockerd.stop();
                    dockerd.startAgain();
                    List<Predicate<Map<String, View>>> changes = new ArrayList<>();
                    List<String> created = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        String name = "during-" + i;
                        String id = engine.createContainer(name, command -> { });
                        created.add(id);
                        changes.add(views -> views.containsKey(id));
                    }
                    for (int i = 0; i < 4; i++) {
                        String id = created.get(i);
                        docker.startContainerCmd(id).exec();
                        changes.add(views -> views.containsKey(id) && views.get(id).status().equals("running"));
                    }
                    for (String id : List.of(before.get(0), before.get(4), before.get(5))) {
                        docker.removeContainerCmd(id).withForce(true).exec();
                        changes.add(views -> !views.containsKey(id));
                    }
                    for (String id : List.of(before.get(1), before.get(2))) {
                        docker.startContainerCmd(id).exec();
                        changes.add(views -> views.containsKey(id) && views.get(id).status().equals("running"));
                    }
                    for (String id : List.of(before.get(3), created.get(5), created.get(6))) {
                        String name = "renamed-" + id.substring(0, 8);
                        docker.renameContainerCmd(id).withName(name).exec();
                        changes.add(views -> views.containsKey(id) && views.get(id).name().equals(name));
                    }
                    assertThat(changes).hasSize(20);
                    long restored = System.nanoTime();
                    link.restore();
                    boolean converged = awaitConverged(state, docker, hostId, CONVERGENCE_TIMEOUT);
                    double seconds = (System.nanoTime() - restored) / 1e9;
                    Map<String, View> published = published(state.records(), hostId);
                    long missed = changes.stream().filter(change -> !change.test(published)).count();
                    String drill = report.name();
                    report.expect("inventory reported the engine down while cut", sawDown ? 1 : 0, "yes", 1)
                            .add(Figure.of(drill, "seconds from reconnect to the published state matching the engine",
                                    seconds, "s").note(converged ? "converged" : "not converged within "
                                    + CONVERGENCE_TIMEOUT.toMinutes() + " min"))
                            .add(Figure.of(drill, "changes missed", missed, "changes").valueEquals(0))
                            .add(Figure.of(drill, "containers on the engine", engineView(docker).size(), "containers")
                                    .against("containers published", published.size()).ratioEquals(1.0))
                            .expect("inventory health at the end",
                                    "UP".equals(inventory.actuator().healthStatus("")) ? 1 : 0, "UP", 1);
                }
            }
        });
    }

    private static boolean awaitHealth(RunningService service, String component, Predicate<String> condition,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(service.actuator().healthStatus(component))) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static boolean awaitConverged(TopicProbe state, DockerClient docker, String hostId, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (published(state.records(), hostId).equals(engineView(docker))) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The engine's containers by id: name and state. */
    static Map<String, View> engineView(DockerClient docker) {
        Map<String, View> views = new HashMap<>();
        for (Container container : docker.listContainersCmd().withShowAll(true).exec()) {
            views.put(container.getId(), new View(container.getNames()[0].substring(1), container.getState()));
        }
        return views;
    }

    /** The latest state per container of the compacted topic, tombstones removing. */
    static Map<String, View> published(List<ConsumerRecord<String, byte[]>> records, String hostId) {
        EventCodec codec = new EventCodec("/dockwarden/drills");
        Map<String, View> views = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null || !record.key().startsWith(hostId + "/")) {
                continue;
            }
            String containerId = record.key().substring(hostId.length() + 1);
            if (record.value() == null) {
                views.remove(containerId);
                continue;
            }
            DecodeResult decoded = codec.decode(record.topic(), record.key(), TopicProbe.headers(record),
                    record.value());
            if (decoded instanceof DecodeResult.Accepted accepted) {
                EventData data = accepted.envelope().data();
                if (data instanceof ContainerStateRecorded recorded && recorded.snapshot() != null) {
                    views.put(containerId, new View(recorded.snapshot().name(), recorded.snapshot().status()));
                }
            }
        }
        return views;
    }

    /**
     * A container as seen by the engine or as published.
     *
     * @param name its name, without the leading slash
     * @param status created, running, exited...
     */
    record View(String name, String status) {
    }
}
