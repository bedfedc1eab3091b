package io.dockwarden.inventory.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventData;
import io.dockwarden.events.container.ContainerCreated;
import io.dockwarden.events.container.ContainerDied;
import io.dockwarden.events.container.ContainerHealthChanged;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.container.ContainerRenamed;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerStarted;
import io.dockwarden.events.container.ContainerStopped;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerChangesTest {

    private static final String HOST = "host-1";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final ContainerSnapshot created = ContainerSnapshots.minimal();
    private final String id = created.id();
    private final ContainerSnapshot running = ContainerSnapshots.builder().running(NOW.minusSeconds(5)).build();
    private final ContainerSnapshot exited = ContainerSnapshots.builder().exited(137, NOW).build();

    @Test
    void publishesEachLifecycleActionWithTheSnapshotReadAfterTheBurst() {
        ContainerChanges.Outcome outcome = ContainerChanges.decide(HOST, id,
                List.of(action("create", 1), action("start", 2), action("die", 3, Map.of("exitCode", "137")),
                        action("stop", 4)),
                null, exited, NOW);

        assertThat(outcome.events()).extracting(publication -> (Object) publication.data().getClass())
                .containsExactly(ContainerCreated.class, ContainerStarted.class, ContainerDied.class,
                        ContainerStopped.class);
        assertThat(outcome.events()).extracting(publication -> snapshotOf(publication.data()))
                .containsOnly(exited);
        assertThat(((ContainerDied) outcome.events().get(2).data()).exitCode()).isEqualTo(137);
        assertThat(outcome.state()).isEqualTo(exited);
        assertThat(outcome.published()).isEqualTo(exited);
    }

    @Test
    void takesTheEventTimeAndADerivedIdFromTheEngineAction() {
        ContainerChanges.Outcome first = ContainerChanges.decide(HOST, id, List.of(action("start", 42)), created,
                running, NOW);
        ContainerChanges.Outcome replayed = ContainerChanges.decide(HOST, id, List.of(action("start", 42)), created,
                running, NOW.plusSeconds(60));

        Publication started = first.events().get(0);
        assertThat(started.time()).isEqualTo(Instant.ofEpochSecond(0, 42));
        assertThat(((ContainerStarted) started.data()).occurredAt()).isEqualTo(Instant.ofEpochSecond(0, 42));
        assertThat(replayed.events().get(0).id()).isEqualTo(started.id());
    }

    @Test
    void namesThePreviousNameOfARename() {
        ContainerSnapshot renamed = ContainerSnapshots.builder().name("api-2").build();
        ContainerChanges.Outcome outcome = ContainerChanges.decide(HOST, id,
                List.of(action("rename", 1, Map.of("oldName", "/web", "name", "api-2"))), created, renamed, NOW);

        assertThat(outcome.events()).singleElement().extracting(Publication::data)
                .isEqualTo(new ContainerRenamed(HOST, id, Instant.ofEpochSecond(0, 1), "web", renamed));
    }

    @Test
    void publishesHealthChangesOnlyForKnownStatuses() {
        ContainerChanges.Outcome healthy = ContainerChanges.decide(HOST, id, List.of(action("health_status: healthy", 1)),
                running, running, NOW);
        ContainerChanges.Outcome odd = ContainerChanges.decide(HOST, id, List.of(action("health_status: none", 1)),
                running, running, NOW);

        assertThat(healthy.events()).singleElement().extracting(Publication::data)
                .isInstanceOfSatisfying(ContainerHealthChanged.class,
                        changed -> assertThat(changed.healthStatus()).isEqualTo("healthy"));
        assertThat(odd.events()).isEmpty();
    }

    @Test
    void publishesTheRemovalWithTheLastSnapshotAndATombstone() {
        ContainerChanges.Outcome outcome = ContainerChanges.decide(HOST, id,
                List.of(action("destroy", 2, Map.of("name", "web"))), running, null, NOW);

        assertThat(outcome.events()).singleElement().extracting(Publication::data)
                .isEqualTo(new ContainerRemoved(HOST, id, Instant.ofEpochSecond(0, 2), "web", running));
        assertThat(outcome.tombstone()).isTrue();
        assertThat(outcome.published()).isNull();
    }

    @Test
    void keepsTheFactsOfABurstThatEndedInRemovalWithTheLastSnapshotPublished() {
        ContainerChanges.Outcome outcome = ContainerChanges.decide(HOST, id,
                List.of(action("die", 1, Map.of("exitCode", "0")), action("stop", 2), action("destroy", 3)), running,
                null, NOW);

        assertThat(outcome.events()).extracting(publication -> publication.data().getClass().getSimpleName())
                .containsExactly("ContainerDied", "ContainerStopped", "ContainerRemoved");
        assertThat(outcome.events()).extracting(publication -> snapshotOf(publication.data())).containsOnly(running);
        assertThat(outcome.tombstone()).isTrue();
    }

    @Test
    void saysNothingOfAContainerThatCameAndWentUnseen() {
        ContainerChanges.Outcome outcome = ContainerChanges.decide(HOST, id,
                List.of(action("create", 1), action("destroy", 2)), null, null, NOW);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.tombstone()).isFalse();
    }

    @Test
    void publishesOnlyDifferencesOnAResync() {
        assertThat(ContainerChanges.decide(HOST, id, List.of(reconcile(ReconcileMode.DIFFERENCES)), running, running,
                NOW).events()).isEmpty();
        assertThat(ContainerChanges.decide(HOST, id, List.of(reconcile(ReconcileMode.DIFFERENCES)), running, exited,
                NOW).events()).singleElement().extracting(Publication::data).isInstanceOf(ContainerObserved.class);
        assertThat(ContainerChanges.decide(HOST, id, List.of(reconcile(ReconcileMode.DIFFERENCES)), null, created,
                NOW).events()).singleElement().extracting(Publication::data)
                .isEqualTo(new ContainerCreated(HOST, id, created.createdAt(), created));
        assertThat(ContainerChanges.decide(HOST, id, List.of(reconcile(ReconcileMode.DIFFERENCES)), running, null,
                NOW).events()).singleElement().extracting(Publication::data)
                .isEqualTo(new ContainerRemoved(HOST, id, NOW, running.name(), running));
    }

    @Test
    void observesEverythingOnAFullSyncAndRecordsItsState() {
        ContainerChanges.Outcome outcome = ContainerChanges.decide(HOST, id,
                List.of(reconcile(ReconcileMode.OBSERVE_ALL), reconcile(ReconcileMode.OBSERVE_ALL)), running, running,
                NOW);

        assertThat(outcome.events()).singleElement().extracting(Publication::data)
                .isEqualTo(new ContainerObserved(HOST, id, NOW, running));
        assertThat(outcome.state()).isEqualTo(running);
    }

    @Test
    void observesAChangeThatCameWithoutALifecycleAction() {
        ContainerSnapshot reattached = ContainerSnapshots.builder().running(NOW.minusSeconds(5)).addNetwork("backend")
                .build();

        ContainerChanges.Outcome outcome = ContainerChanges.decide(HOST, id, List.of(action("exec_start: sh", 1)),
                running, reattached, NOW);

        assertThat(outcome.events()).singleElement().extracting(Publication::data)
                .isEqualTo(new ContainerObserved(HOST, id, NOW, reattached));
        assertThat(ContainerChanges.decide(HOST, id, List.of(action("exec_start: sh", 1)), running, running, NOW)
                .events()).isEmpty();
    }

    private Trigger action(String action, long nanos) {
        return action(action, nanos, Map.of());
    }

    private Trigger action(String action, long nanos, Map<String, String> attributes) {
        return new Trigger.Action(new EngineAction("container", action, id, attributes, nanos));
    }

    private static Trigger reconcile(ReconcileMode mode) {
        return new Trigger.Reconcile(mode);
    }

    private static ContainerSnapshot snapshotOf(EventData data) {
        return ((io.dockwarden.events.container.ContainerEvent) data).snapshot();
    }
}
