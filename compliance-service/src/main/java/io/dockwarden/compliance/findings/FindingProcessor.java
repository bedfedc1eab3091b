package io.dockwarden.compliance.findings;

import io.dockwarden.compliance.findings.ProcessingResult.Disposition;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.events.host.HostSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Applies container and engine events, and re-evaluations, to the findings: evaluates the checks, publishes what
 * changed, then records the new state. Publishing comes first so that a crash in between at worst republishes the
 * same events with the same ids; the state is written only once they are durable.
 *
 * <p>Events come one at a time or as a {@link Batch}: a batch evaluates many inputs, sends all their finding events,
 * waits once for all of them, then writes all the states and waits once more, which turns two broker round trips
 * per input into two per batch. Until a batch commits, its subjects are pending: a re-evaluation of one of them
 * waits for the commit rather than build on a state that may never become durable.
 */
public final class FindingProcessor {

    /** How long a re-evaluation waits for a batch holding its subject to commit before it fails (and is retried). */
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    private final SubjectStates states;
    private final FindingEventSink sink;
    private final Supplier<Assessor> assessor;
    private final Clock clock;
    private final KeyLocks locks;
    private final Duration resolvedRetention;
    private final ConcurrentHashMap<String, Batch> pending = new ConcurrentHashMap<>();
    private final Writes immediate;

    public FindingProcessor(SubjectStates states, FindingEventSink sink, Supplier<Assessor> assessor, Clock clock,
            KeyLocks locks, Duration resolvedRetention) {
        this.states = states;
        this.sink = sink;
        this.assessor = assessor;
        this.clock = clock;
        this.locks = locks;
        this.resolvedRetention = resolvedRetention;
        this.immediate = new Writes() {
            @Override
            public @Nullable SubjectState current(String key) {
                return states.get(key);
            }

            @Override
            public void publish(List<IdentifiedEvent> events) {
                sink.publish(events);
            }

            @Override
            public void save(SubjectState state) {
                states.save(state);
            }
        };
    }

    /** Starts a batch; the caller must end it with {@link Batch#commit()}, which settles it even when it fails. */
    public Batch batch() {
        return new Batch();
    }

    /** A container fact from the inventory: evaluate its snapshot, or resolve its findings once it is removed. */
    public ProcessingResult onContainerEvent(String eventId, Instant eventTime, ContainerEvent event) {
        String key = SubjectState.containerKey(event.hostId(), event.containerId());
        return withSettledLock(key, () -> applyContainerEvent(key, eventId, eventTime, event, immediate));
    }

    private ProcessingResult applyContainerEvent(String key, String eventId, Instant eventTime, ContainerEvent event,
            Writes writes) {
        SubjectState previous = writes.current(key);
        Disposition redelivery = redelivery(previous, eventId, eventTime);
        if (redelivery != null) {
            return ProcessingResult.of(redelivery);
        }
        if (event instanceof ContainerRemoved removed) {
            return remove(key, previous, removed, eventId, eventTime, writes);
        }
        ContainerSnapshot snapshot = event.snapshot();
        if (snapshot == null) {
            return ProcessingResult.of(Disposition.SKIPPED);
        }
        return evaluateContainer(key, previous, event.hostId(), event.containerId(), snapshot, eventId, eventTime,
                event.occurredAt(), writes);
    }

    /** The engine's facts: evaluate the host checks. */
    public ProcessingResult onHostObserved(String eventId, Instant eventTime, HostObserved event) {
        String key = event.hostId();
        return withSettledLock(key, () -> {
            SubjectState previous = states.get(key);
            Disposition redelivery = redelivery(previous, eventId, eventTime);
            if (redelivery != null) {
                return ProcessingResult.of(redelivery);
            }
            return evaluateHost(key, previous, event.hostId(), event.host(), eventId, eventTime, event.occurredAt());
        });
    }

    /**
     * Evaluates a known subject again with the current checks, waivers and time, without a new event: a waiver
     * expired or was withdrawn, rules were reloaded, the engine's facts changed.
     */
    public ProcessingResult reevaluate(String key) {
        return withSettledLock(key, () -> {
            SubjectState previous = states.get(key);
            if (previous == null || previous.isRemoved()) {
                return ProcessingResult.of(Disposition.SKIPPED);
            }
            Instant now = clock.instant();
            if (previous.container() != null && previous.containerId() != null) {
                return evaluateContainer(key, previous, previous.hostId(), previous.containerId(),
                        previous.container(), previous.lastEventId(), previous.lastEventTime(), now, immediate);
            }
            if (previous.host() != null) {
                return evaluateHost(key, previous, previous.hostId(), previous.host(), previous.lastEventId(),
                        previous.lastEventTime(), now);
            }
            return ProcessingResult.of(Disposition.SKIPPED);
        });
    }

    /** Forgets a removed container whose marker has outlived its purpose. */
    public boolean forgetIfRemovedBefore(String key, Instant before) {
        return withSettledLock(key, () -> {
            SubjectState state = states.get(key);
            if (state == null || state.removedAt() == null || !state.removedAt().isBefore(before)) {
                return false;
            }
            states.delete(key);
            return true;
        });
    }

    private ProcessingResult evaluateContainer(String key, @Nullable SubjectState previous, String hostId,
            String containerId, ContainerSnapshot snapshot, @Nullable String eventId, @Nullable Instant eventTime,
            Instant at, Writes writes) {
        Instant now = clock.instant();
        SubjectState hostState = states.get(hostId);
        HostSnapshot host = hostState == null ? null : hostState.host();
        List<Assessment> assessments = assessor.get().assessContainer(hostId, snapshot, host, now);
        FindingLifecycle.Subject subject = new FindingLifecycle.Subject(hostId, containerId, snapshot.name(),
                snapshot.image().ref());
        FindingLifecycle.Step step = FindingLifecycle.advance(subject, findingsOf(previous), assessments, at, now,
                resolvedRetention);
        SubjectState next = new SubjectState(key, revisionAfter(previous), hostId, containerId, snapshot.name(),
                snapshot.image().ref(), eventId, eventTime, snapshot, null, null, step.results(), step.findings(),
                now);
        return commit(previous, next, step.events(), writes);
    }

    private ProcessingResult evaluateHost(String key, @Nullable SubjectState previous, String hostId,
            HostSnapshot host, @Nullable String eventId, @Nullable Instant eventTime, Instant at) {
        Instant now = clock.instant();
        List<Assessment> assessments = assessor.get().assessHost(hostId, host, now);
        FindingLifecycle.Subject subject = new FindingLifecycle.Subject(hostId, null, null, null);
        FindingLifecycle.Step step = FindingLifecycle.advance(subject, findingsOf(previous), assessments, at, now,
                resolvedRetention);
        SubjectState next = new SubjectState(key, revisionAfter(previous), hostId, null, null, null, eventId,
                eventTime, null, host, null, step.results(), step.findings(), now);
        return commit(previous, next, step.events(), immediate);
    }

    private ProcessingResult remove(String key, @Nullable SubjectState previous, ContainerRemoved removed,
            String eventId, Instant eventTime, Writes writes) {
        ContainerSnapshot last = removed.snapshot();
        String name = previous != null && previous.containerName() != null ? previous.containerName()
                : removed.name();
        String image = previous != null ? previous.image() : last == null ? null : last.image().ref();
        FindingLifecycle.Subject subject = new FindingLifecycle.Subject(removed.hostId(), removed.containerId(),
                name, image);
        FindingLifecycle.Step step = FindingLifecycle.resolveAll(subject, findingsOf(previous),
                FindingLifecycle.RESOLVED_CONTAINER_REMOVED, removed.occurredAt());
        // A marker, not a deletion: a late redelivery of an older event for this container must not revive it.
        SubjectState marker = new SubjectState(key, revisionAfter(previous), removed.hostId(), removed.containerId(),
                name, image, eventId, eventTime, null, null, removed.occurredAt(), Map.of(), step.findings(),
                clock.instant());
        writes.publish(step.events());
        writes.save(marker);
        return new ProcessingResult(Disposition.APPLIED, step.events());
    }

    private ProcessingResult commit(@Nullable SubjectState previous, SubjectState next, List<IdentifiedEvent> events,
            Writes writes) {
        if (!events.isEmpty()) {
            writes.publish(events);
        }
        if (!next.sameContentAs(previous)) {
            writes.save(next);
        }
        return new ProcessingResult(Disposition.APPLIED, events);
    }

    private static @Nullable Disposition redelivery(@Nullable SubjectState previous, String eventId,
            Instant eventTime) {
        if (previous == null) {
            return null;
        }
        if (eventId.equals(previous.lastEventId())) {
            return Disposition.DUPLICATE;
        }
        Instant last = previous.lastEventTime();
        return last != null && eventTime.isBefore(last) ? Disposition.STALE : null;
    }

    private static Map<String, Finding> findingsOf(@Nullable SubjectState state) {
        return state == null ? Map.of() : state.findings();
    }

    private static long revisionAfter(@Nullable SubjectState previous) {
        return previous == null ? 1 : previous.revision() + 1;
    }

    /**
     * Runs work under the subject's lock once no batch holds the subject pending; a pending subject's state is not
     * durable yet, so building on it (or on the state before it) could fork the subject's revisions.
     */
    private <T> T withSettledLock(String key, Supplier<T> work) {
        return withSettledLock(key, null, work);
    }

    private <T> T withSettledLock(String key, @Nullable Batch owner, Supplier<T> work) {
        while (true) {
            Batch[] blocking = new Batch[1];
            T result = locks.withLock(key, () -> {
                Batch holder = pending.get(key);
                blocking[0] = holder == owner ? null : holder;
                return blocking[0] == null ? work.get() : null;
            });
            if (blocking[0] == null) {
                return result;
            }
            blocking[0].awaitSettled();
        }
    }

    /** Where one evaluation reads the current state and puts what it produced. */
    private interface Writes {

        @Nullable SubjectState current(String key);

        void publish(List<IdentifiedEvent> events);

        void save(SubjectState state);
    }

    /**
     * Container events applied together and made durable together: the finding events of every input are sent as
     * they are produced, {@link #commit()} waits for all of them, then writes every subject's last state and waits
     * for those. A later input for a subject already in the batch builds on the batch's own state. Not thread-safe:
     * one consumer thread owns a batch.
     */
    public final class Batch {

        private final Map<String, SubjectState> staged = new LinkedHashMap<>();
        private final Set<String> held = new HashSet<>();
        private final List<FindingEventSink.Pending> sends = new ArrayList<>();
        private final CountDownLatch settled = new CountDownLatch(1);
        private final Writes writes = new Writes() {
            @Override
            public @Nullable SubjectState current(String key) {
                SubjectState own = staged.get(key);
                return own != null ? own : states.get(key);
            }

            @Override
            public void publish(List<IdentifiedEvent> events) {
                sends.add(sink.send(events));
            }

            @Override
            public void save(SubjectState state) {
                staged.put(state.key(), state);
            }
        };

        private Batch() {
        }

        /** Applies one container event; what it produces becomes durable at {@link #commit()}. */
        public ProcessingResult onContainerEvent(String eventId, Instant eventTime, ContainerEvent event) {
            String key = SubjectState.containerKey(event.hostId(), event.containerId());
            return withSettledLock(key, this, () -> {
                ProcessingResult result = applyContainerEvent(key, eventId, eventTime, event, writes);
                if (held.add(key)) {
                    pending.put(key, this);
                }
                return result;
            });
        }

        /** Subjects this batch holds pending. */
        public int size() {
            return held.size();
        }

        /**
         * Waits until every finding event sent is durable, then writes the states and waits for them. On failure
         * nothing of the batch is applied in memory (states already written are harmless: they record events whose
         * findings are durable), so a retry of the same inputs republishes the same events with the same ids.
         */
        public void commit() {
            try {
                for (FindingEventSink.Pending send : sends) {
                    send.await();
                }
                if (!staged.isEmpty()) {
                    states.saveAll(List.copyOf(staged.values()));
                }
            } finally {
                settle();
            }
        }

        private void settle() {
            held.forEach(key -> pending.remove(key, this));
            settled.countDown();
        }

        /** Bounded, so that a batch stuck for any reason fails its waiter (which is retried) rather than hang it. */
        private void awaitSettled() {
            try {
                if (!settled.await(SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("a batch holding this subject did not commit within "
                            + SETTLE_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch to commit", e);
            }
        }
    }
}
