package io.dockwarden.inventory.tracking;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerStateRecorded;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot;
import io.dockwarden.inventory.tracking.InventoryObserver.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The inventory of one engine: it turns engine actions and syncs into events of the contract and keeps the state it
 * published (what consumers believe) equal to the engine's.
 *
 * <p>All work on one container, one volume or the engine runs one batch at a time, in order; each batch reads the
 * engine once and publishes its events before the next batch starts. Publishing blocks until the broker acknowledges,
 * and reading retries until the engine answers, so work is never dropped for an outage: it waits.
 */
public final class Inventory implements AutoCloseable {

    private static final String CONTAINER = "container:";
    private static final String VOLUME = "volume:";
    private static final String HOST = "host";

    private final String hostId;
    private final EngineView engine;
    private final EventSink sink;
    private final Clock clock;
    private final InventoryObserver observer;
    private final Backoff engineRetry;
    private final KeyedWorkQueue<Work> queue;
    private final Executor workers;
    private final RecentActions recentActions = new RecentActions(8192);

    private final Map<String, ContainerSnapshot> containers = new ConcurrentHashMap<>();
    private final Map<String, VolumeSnapshot> volumes = new ConcurrentHashMap<>();
    private final AtomicReference<@Nullable HostSnapshot> host = new AtomicReference<>();
    private final AtomicLong lastActionNanos = new AtomicLong();
    private final AtomicReference<@Nullable Instant> lastActionReceivedAt = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * @param hostId the host id every event carries
     * @param engine reads the engine
     * @param sink publishes, returning once acknowledged
     * @param workers runs the work; its parallelism bounds how many containers are handled at once
     * @param clock the time of what syncs find
     * @param observer told about the work, for metrics
     * @param engineRetry the wait between attempts to read an engine that does not answer
     */
    public Inventory(String hostId, EngineView engine, EventSink sink, Executor workers, Clock clock,
            InventoryObserver observer, Backoff engineRetry) {
        this.hostId = hostId;
        this.engine = engine;
        this.sink = sink;
        this.clock = clock;
        this.observer = observer;
        this.engineRetry = engineRetry;
        this.workers = workers;
        this.queue = new KeyedWorkQueue<>(workers, this::process);
    }

    public String hostId() {
        return hostId;
    }

    /**
     * Starts from what an earlier run recorded on the compacted state topic, so that a container removed while the
     * inventory was down is published as removed by the next sync.
     */
    public void bootstrap(Map<String, ContainerSnapshot> recorded) {
        recorded.forEach(containers::putIfAbsent);
    }

    /** Handles an action from the engine's event stream, once even if a replay delivers it again. */
    public void accept(EngineAction action) {
        if (closed || !recentActions.firstTime(action)) {
            return;
        }
        lastActionNanos.accumulateAndGet(action.timeNanos(), Math::max);
        lastActionReceivedAt.set(clock.instant());
        observer.actionSeen(action);
        Trigger trigger = new Trigger.Action(action);
        switch (action.type()) {
            case "container" -> queue.submit(CONTAINER + action.actorId(), new Work(trigger, null));
            case "volume" -> queue.submit(VOLUME + action.actorId(), new Work(trigger, null));
            case "image" -> imageChanged(action);
            case "network" -> networkChanged(action);
            case "daemon" -> queue.submit(HOST, new Work(new Trigger.Refresh(), null));
            default -> {
                // plugins, swarm objects: not part of the inventory
            }
        }
    }

    private void imageChanged(EngineAction action) {
        engine.forgetImage(action.actorId());
        String name = action.attribute("name");
        containers.forEach((id, snapshot) -> {
            ContainerSnapshot.ImageInfo image = snapshot.image();
            if (image.id().equals(action.actorId()) || image.ref().equals(action.actorId())
                    || (!name.isBlank() && image.ref().equals(name))) {
                queue.submit(CONTAINER + id, new Work(new Trigger.Refresh(), null));
            }
        });
    }

    private void networkChanged(EngineAction action) {
        String container = action.attribute("container");
        if (!container.isBlank()) {
            queue.submit(CONTAINER + container, new Work(new Trigger.Refresh(), null));
        }
        if ("bridge".equals(action.attribute("name")) || "bridge".equals(action.attribute("type"))) {
            queue.submit(HOST, new Work(new Trigger.Refresh(), null));
        }
    }

    /** Publishes every container, volume and the engine as observed, and removals of what is gone. */
    public CompletableFuture<SyncReport> fullSync() {
        return sync(ReconcileMode.OBSERVE_ALL);
    }

    /** Publishes what differs between the engine and what was published: created, changed, removed. */
    public CompletableFuture<SyncReport> resync() {
        return sync(ReconcileMode.DIFFERENCES);
    }

    private CompletableFuture<SyncReport> sync(ReconcileMode mode) {
        long started = System.nanoTime();
        // Listing runs on a worker: while the engine is away it waits, and the caller (the watch) must not.
        return CompletableFuture.supplyAsync(() -> withEngine(engine::containerIds), workers)
                .thenCompose(listed -> {
                    Set<String> containerIds = new LinkedHashSet<>(listed);
                    containerIds.addAll(containers.keySet());
                    List<CompletableFuture<Void>> containerWork = new ArrayList<>();
                    for (String id : containerIds) {
                        CompletableFuture<Void> done = new CompletableFuture<>();
                        containerWork.add(done);
                        queue.submit(CONTAINER + id, new Work(new Trigger.Reconcile(mode), done));
                    }
                    CompletableFuture<Void> hostDone = new CompletableFuture<>();
                    queue.submit(HOST, new Work(new Trigger.Reconcile(mode), hostDone));
                    // Volumes list their mounting containers, so they are looked at once the containers are done.
                    CompletableFuture<Integer> volumeWork = CompletableFuture
                            .allOf(containerWork.toArray(CompletableFuture[]::new))
                            .thenComposeAsync(ignored -> syncVolumes(mode), workers);
                    return volumeWork.thenCombine(hostDone, (volumeCount, ignored) -> {
                        SyncReport report = new SyncReport(containerIds.size(), volumeCount,
                                Duration.ofNanos(System.nanoTime() - started));
                        observer.synced(mode, report);
                        return report;
                    });
                });
    }

    private CompletableFuture<Integer> syncVolumes(ReconcileMode mode) {
        Set<String> names = new LinkedHashSet<>(withEngine(engine::volumeNames));
        names.addAll(volumes.keySet());
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (String name : names) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            work.add(done);
            queue.submit(VOLUME + name, new Work(new Trigger.Reconcile(mode), done));
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).thenApply(v -> names.size());
    }

    /** The containers as last published, by id. */
    public Map<String, ContainerSnapshot> containers() {
        return Map.copyOf(containers);
    }

    public Optional<ContainerSnapshot> container(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    public Map<String, VolumeSnapshot> volumes() {
        return Map.copyOf(volumes);
    }

    public Optional<HostSnapshot> host() {
        return Optional.ofNullable(host.get());
    }

    /** The engine time of the latest action handled, in nanoseconds since the epoch; 0 before the first. */
    public long lastActionNanos() {
        return lastActionNanos.get();
    }

    /** When (by this service's clock) the latest action arrived, if any did. */
    public Optional<Instant> lastActionReceivedAt() {
        return Optional.ofNullable(lastActionReceivedAt.get());
    }

    /** Triggers waiting or being handled. */
    public int pendingWork() {
        return queue.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void process(String key, List<Work> batch) {
        List<Trigger> triggers = batch.stream().map(Work::trigger).toList();
        try {
            if (key.startsWith(CONTAINER)) {
                processContainer(key.substring(CONTAINER.length()), triggers);
            } else if (key.startsWith(VOLUME)) {
                processVolume(key.substring(VOLUME.length()), triggers);
            } else {
                processHost(triggers);
            }
            batch.forEach(Work::complete);
        } catch (CancellationException closing) {
            batch.forEach(work -> work.fail(closing));
        } catch (RuntimeException bug) {
            observer.workFailed(key, bug);
            batch.forEach(work -> work.fail(bug));
        }
    }

    private void processContainer(String containerId, List<Trigger> triggers) {
        ContainerSnapshot previous = containers.get(containerId);
        ContainerSnapshot current = withEngine(() -> engine.container(containerId)).orElse(null);
        Instant now = clock.instant();
        ContainerChanges.Outcome outcome = ContainerChanges.decide(hostId, containerId, triggers, previous, current,
                now);
        for (Publication event : outcome.events()) {
            publish(event);
        }
        String subject = ContainerEvent.subjectOf(hostId, containerId);
        if (outcome.state() != null) {
            publish(new Publication(new ContainerStateRecorded(hostId, containerId, now, outcome.state()),
                    UUID.randomUUID().toString(), now, null));
        }
        if (outcome.tombstone()) {
            sink.tombstone(EventCatalog.CONTAINER_STATE_RECORDED, subject);
        }
        if (outcome.published() == null) {
            containers.remove(containerId);
        } else {
            containers.put(containerId, outcome.published());
        }
        // A sync looks at every volume once the containers are done; anything else tells the volumes it touched.
        boolean syncOnly = triggers.stream().allMatch(trigger -> trigger instanceof Trigger.Reconcile);
        if (!outcome.events().isEmpty() && !syncOnly) {
            Set<String> touched = new LinkedHashSet<>(volumeNamesOf(previous));
            touched.addAll(volumeNamesOf(current));
            for (String volume : touched) {
                queue.submit(VOLUME + volume, new Work(new Trigger.Refresh(), null));
            }
        }
    }

    private void processVolume(String name, List<Trigger> triggers) {
        VolumeSnapshot previous = volumes.get(name);
        Collection<ContainerSnapshot> known = List.copyOf(containers.values());
        VolumeSnapshot current = withEngine(() -> engine.volume(name, known)).orElse(null);
        VolumeChanges.Outcome outcome = VolumeChanges.decide(hostId, name, triggers, previous, current,
                clock.instant());
        if (outcome.event() != null) {
            publish(outcome.event());
        }
        if (outcome.published() == null) {
            volumes.remove(name);
        } else {
            volumes.put(name, outcome.published());
        }
    }

    private void processHost(List<Trigger> triggers) {
        HostSnapshot current = withEngine(engine::host);
        boolean observeAll = triggers.stream().anyMatch(trigger -> trigger instanceof Trigger.Reconcile reconcile
                && reconcile.mode() == ReconcileMode.OBSERVE_ALL);
        if (observeAll || !current.equals(host.get())) {
            Instant now = clock.instant();
            publish(new Publication(new HostObserved(hostId, now, current), UUID.randomUUID().toString(), now, null));
        }
        host.set(current);
    }

    private void publish(Publication publication) {
        if (closed) {
            throw new CancellationException("the inventory is closing");
        }
        sink.publish(publication);
        observer.published(publication.data(), publication.causedAt());
    }

    private static Set<String> volumeNamesOf(@Nullable ContainerSnapshot snapshot) {
        Set<String> names = new LinkedHashSet<>();
        if (snapshot != null) {
            for (ContainerSnapshot.Mount mount : snapshot.mounts()) {
                if ("volume".equals(mount.type()) && mount.name() != null) {
                    names.add(mount.name());
                }
            }
        }
        return names;
    }

    /** Reads the engine, waiting out an outage: the work stays pending until the engine answers or we close. */
    private <T> T withEngine(Supplier<T> read) {
        Backoff backoff = engineRetry.fresh();
        while (true) {
            if (closed) {
                throw new CancellationException("the inventory is closing");
            }
            try {
                return read.get();
            } catch (EngineUnavailableException unavailable) {
                observer.engineUnavailable(unavailable);
                sleep(backoff.next());
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the engine");
        }
    }

    /** A trigger and, for syncs, the future that completes when its events are acknowledged. */
    private record Work(Trigger trigger, @Nullable CompletableFuture<Void> done) {

        void complete() {
            if (done != null) {
                done.complete(null);
            }
        }

        void fail(Throwable cause) {
            if (done != null) {
                done.completeExceptionally(cause);
            }
        }
    }

    @Override
    public String toString() {
        return "Inventory[" + hostId + ", " + containers.size() + " containers, " + volumes.size() + " volumes]";
    }
}
