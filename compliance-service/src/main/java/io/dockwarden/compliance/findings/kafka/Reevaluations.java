package io.dockwarden.compliance.findings.kafka;

import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.compliance.findings.FindingProcessor;
import io.dockwarden.compliance.findings.FindingStatus;
import io.dockwarden.compliance.findings.ProcessingResult;
import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.compliance.policy.PolicyHolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Evaluates owned subjects again when something other than an event changes their verdicts: a waiver reaching its
 * expiry (scheduled for the exact instant), a rule or waiver reload, new engine facts, and a periodic sweep. Also
 * forgets removed containers whose markers have served their purpose. One thread; per-subject locks in the
 * processor keep it from racing the stream consumers.
 */
public final class Reevaluations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reevaluations.class);
    private static final Duration EXPIRY_REARM = Duration.ofSeconds(15);
    /** After the state store, before the bindings. */
    static final int PHASE = 100;

    private final FindingProcessor processor;
    private final KafkaSubjectStates states;
    private final PartitionOwnership ownership;
    private final PolicyHolder policy;
    private final Clock clock;
    private final Duration interval;
    private final Duration removedRetention;
    private final Counter reevaluated;
    private @Nullable ScheduledExecutorService executor;
    private @Nullable ScheduledFuture<?> expiryTask;
    private @Nullable Instant expiryAt;
    private final AtomicBoolean fullSweepPending = new AtomicBoolean();
    private volatile boolean running;

    public Reevaluations(FindingProcessor processor, KafkaSubjectStates states, PartitionOwnership ownership,
            PolicyHolder policy, Clock clock, Duration interval, Duration removedRetention, MeterRegistry registry) {
        this.processor = processor;
        this.states = states;
        this.ownership = ownership;
        this.policy = policy;
        this.clock = clock;
        this.interval = interval;
        this.removedRetention = removedRetention;
        this.reevaluated = Counter.builder("dockwarden.compliance.reevaluations")
                .description("Subjects evaluated again without a new event").register(registry);
    }

    @Override
    public void start() {
        ScheduledExecutorService created = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "compliance-reevaluation");
            thread.setDaemon(true);
            return thread;
        });
        executor = created;
        created.scheduleWithFixedDelay(() -> sweep(state -> true, "periodic"), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
        // The expiry timer is derived from the states again now and then: however a timer came to be lost, a waiver
        // that expired is acted on within this delay.
        created.scheduleWithFixedDelay(this::rearmExpiry, EXPIRY_REARM.toMillis(), EXPIRY_REARM.toMillis(),
                TimeUnit.MILLISECONDS);
        policy.onChange(() -> requestAll("policy reloaded"));
        states.onChange(this::stateChanged);
        // Newly owned subjects may have missed a reload or an expiry while no instance owned them (a restart).
        ownership.onAssignment(() -> requestAll("partitions assigned"));
        running = true;
    }

    /** Re-evaluates the owned subjects that match, on the re-evaluation thread. */
    public void request(Predicate<SubjectState> which, String reason) {
        ScheduledExecutorService current = executor;
        if (current != null && !current.isShutdown()) {
            current.execute(() -> sweep(which, reason));
        }
    }

    /**
     * Re-evaluates every owned subject. Requests that arrive while one is still waiting to start are folded into it:
     * it reads the policy when it runs, so it already sees what they were about.
     */
    public void requestAll(String reason) {
        ScheduledExecutorService current = executor;
        if (current != null && !current.isShutdown() && fullSweepPending.compareAndSet(false, true)) {
            current.execute(() -> {
                fullSweepPending.set(false);
                sweep(state -> true, reason);
            });
        }
    }

    /** A subject changed: new engine facts re-evaluate its containers, a new waiver may be the next to expire. */
    private void stateChanged(@Nullable SubjectState before, SubjectState after) {
        if (!after.isContainer() && after.host() != null && (before == null || before.host() == null
                || !before.host().securityOptions().equals(after.host().securityOptions()))) {
            String hostId = after.hostId();
            request(state -> state.isContainer() && state.hostId().equals(hostId), "engine facts of " + hostId
                    + " changed");
        }
        Instant expiry = nextExpiry(after, clock.instant());
        if (expiry != null) {
            scheduleExpiry(expiry);
        }
    }

    private void sweep(Predicate<SubjectState> which, String reason) {
        // A periodic task that throws is never run again: nothing may escape a sweep.
        try {
            int[] counts = reevaluate(which, reason);
            if (counts[1] > 0) {
                log.info("Re-evaluated {} owned subject(s) ({}): {} finding event(s) published", counts[0], reason,
                        counts[1]);
            } else {
                log.debug("Re-evaluated {} owned subject(s) ({}): nothing changed", counts[0], reason);
            }
            rescheduleExpiry();
        } catch (RuntimeException e) {
            log.error("Re-evaluation ({}) failed; the next sweep tries again", reason, e);
        }
    }

    private int[] reevaluate(Predicate<SubjectState> which, String reason) {
        Instant now = clock.instant();
        Instant forgetBefore = now.minus(removedRetention);
        int subjects = 0;
        int events = 0;
        for (SubjectState state : states.all()) {
            if (!ownership.owns(state)) {
                continue;
            }
            try {
                if (state.isRemoved()) {
                    processor.forgetIfRemovedBefore(state.key(), forgetBefore);
                } else if (which.test(state)) {
                    ProcessingResult result = processor.reevaluate(state.key());
                    subjects++;
                    events += result.events().size();
                }
            } catch (RuntimeException e) {
                log.warn("Re-evaluating {} ({}) failed; the next sweep tries again: {}", state.key(), reason,
                        e.getMessage());
            }
        }
        reevaluated.increment(subjects);
        return new int[] {subjects, events};
    }

    /**
     * Finds the next waiver expiry among the owned subjects' waived findings, and wakes up exactly then. Scanning and
     * replacing the timer happen under the same lock as {@link #scheduleExpiry}: a state applied meanwhile by a
     * consumer either is in the scan or schedules its expiry after it, never into a timer this then cancels.
     */
    private synchronized void rescheduleExpiry() {
        Instant now = clock.instant();
        Instant next = null;
        for (SubjectState state : states.all()) {
            if (!ownership.owns(state)) {
                continue;
            }
            Instant expiry = nextExpiry(state, now);
            if (expiry != null && (next == null || expiry.isBefore(next))) {
                next = expiry;
            }
        }
        expiryAt = null;
        if (expiryTask != null) {
            expiryTask.cancel(false);
            expiryTask = null;
        }
        if (next != null) {
            scheduleExpiry(next);
        }
    }

    private synchronized void scheduleExpiry(Instant at) {
        ScheduledExecutorService current = executor;
        if (current == null || current.isShutdown() || (expiryAt != null && !at.isBefore(expiryAt))) {
            log.debug("Waiver expiry at {} left to the one already due at {}", at, expiryAt);
            return;
        }
        if (expiryTask != null) {
            expiryTask.cancel(false);
        }
        expiryAt = at;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        log.debug("Next waiver expiry at {}, in {} ms", at, delay);
        expiryTask = current.schedule(this::expire, delay, TimeUnit.MILLISECONDS);
    }

    private void rearmExpiry() {
        try {
            rescheduleExpiry();
        } catch (RuntimeException e) {
            log.warn("Re-arming the waiver expiry timer failed; the next attempt tries again", e);
        }
    }

    private void expire() {
        synchronized (this) {
            expiryAt = null;
            expiryTask = null;
        }
        Instant now = clock.instant();
        log.debug("Waiver expiry due at {}: re-evaluating the subjects with an expired waiver", now);
        // Waived findings carry their waiver's expiry, central or label: those past it are the ones to look at.
        sweep(state -> hasExpiredWaiver(state, now), "a waiver expired");
    }

    private static boolean hasExpiredWaiver(SubjectState state, Instant now) {
        for (Finding finding : state.findings().values()) {
            if (finding.status() == FindingStatus.WAIVED && finding.waiver() != null
                    && finding.waiver().expiresAt() != null && !finding.waiver().expiresAt().isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Instant nextExpiry(SubjectState state, Instant now) {
        Instant next = null;
        for (Finding finding : state.findings().values()) {
            if (finding.status() != FindingStatus.WAIVED || finding.waiver() == null) {
                continue;
            }
            Instant expiry = finding.waiver().expiresAt();
            if (expiry != null && (next == null || expiry.isBefore(next))) {
                next = expiry;
            }
        }
        // An expiry already past still needs a sweep: it is due now.
        return next == null ? null : next.isBefore(now) ? now : next;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
