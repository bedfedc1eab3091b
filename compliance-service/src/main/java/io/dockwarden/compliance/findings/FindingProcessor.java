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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Applies container and engine events, and re-evaluations, to the findings: evaluates the checks, publishes what
 * changed, then records the new state. Publishing comes first so that a crash in between at worst republishes the
 * same events with the same ids; the state is written only once they are durable.
 */
public final class FindingProcessor {

    private final SubjectStates states;
    private final FindingEventSink sink;
    private final Supplier<Assessor> assessor;
    private final Clock clock;
    private final KeyLocks locks;
    private final Duration resolvedRetention;

    public FindingProcessor(SubjectStates states, FindingEventSink sink, Supplier<Assessor> assessor, Clock clock,
            KeyLocks locks, Duration resolvedRetention) {
        this.states = states;
        this.sink = sink;
        this.assessor = assessor;
        this.clock = clock;
        this.locks = locks;
        this.resolvedRetention = resolvedRetention;
    }

    /** A container fact from the inventory: evaluate its snapshot, or resolve its findings once it is removed. */
    public ProcessingResult onContainerEvent(String eventId, Instant eventTime, ContainerEvent event) {
        String key = SubjectState.containerKey(event.hostId(), event.containerId());
        return locks.withLock(key, () -> {
            SubjectState previous = states.get(key);
            Disposition redelivery = redelivery(previous, eventId, eventTime);
            if (redelivery != null) {
                return ProcessingResult.of(redelivery);
            }
            if (event instanceof ContainerRemoved removed) {
                return remove(key, previous, removed, eventId, eventTime);
            }
            ContainerSnapshot snapshot = event.snapshot();
            if (snapshot == null) {
                return ProcessingResult.of(Disposition.SKIPPED);
            }
            return evaluateContainer(key, previous, event.hostId(), event.containerId(), snapshot, eventId, eventTime,
                    event.occurredAt());
        });
    }

    /** The engine's facts: evaluate the host checks. */
    public ProcessingResult onHostObserved(String eventId, Instant eventTime, HostObserved event) {
        String key = event.hostId();
        return locks.withLock(key, () -> {
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
        return locks.withLock(key, () -> {
            SubjectState previous = states.get(key);
            if (previous == null || previous.isRemoved()) {
                return ProcessingResult.of(Disposition.SKIPPED);
            }
            Instant now = clock.instant();
            if (previous.container() != null && previous.containerId() != null) {
                return evaluateContainer(key, previous, previous.hostId(), previous.containerId(),
                        previous.container(), previous.lastEventId(), previous.lastEventTime(), now);
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
        return locks.withLock(key, () -> {
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
            Instant at) {
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
        return commit(previous, next, step.events());
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
        return commit(previous, next, step.events());
    }

    private ProcessingResult remove(String key, @Nullable SubjectState previous, ContainerRemoved removed,
            String eventId, Instant eventTime) {
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
        sink.publish(step.events());
        states.save(marker);
        return new ProcessingResult(Disposition.APPLIED, step.events());
    }

    private ProcessingResult commit(@Nullable SubjectState previous, SubjectState next, List<IdentifiedEvent> events) {
        if (!events.isEmpty()) {
            sink.publish(events);
        }
        if (!next.sameContentAs(previous)) {
            states.save(next);
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
}
