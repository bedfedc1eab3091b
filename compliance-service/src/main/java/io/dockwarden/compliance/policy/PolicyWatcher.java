package io.dockwarden.compliance.policy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

/**
 * Loads the rule and waiver files before the streams start, then checks them for changes on an interval. Its health
 * shows what is loaded and why the last change was rejected, if it was.
 */
public final class PolicyWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicyWatcher.class);
    /** Before the state store and the stream bindings: the first evaluation already uses the operators' rules. */
    static final int PHASE = -100;

    private final List<DefinitionSource<?>> sources;
    private final Duration interval;
    private final Counter accepted;
    private final Counter rejected;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    PolicyWatcher(List<DefinitionSource<?>> sources, Duration rulesInterval, Duration waiversInterval,
            MeterRegistry registry) {
        this.sources = List.copyOf(sources);
        this.interval = rulesInterval.compareTo(waiversInterval) < 0 ? rulesInterval : waiversInterval;
        this.accepted = Counter.builder("dockwarden.compliance.policy.reloads").tag("outcome", "accepted")
                .description("Rule and waiver file changes accepted").register(registry);
        this.rejected = Counter.builder("dockwarden.compliance.policy.reloads").tag("outcome", "rejected")
                .description("Rule and waiver file changes rejected (the last good set stays)").register(registry);
    }

    @Override
    public void start() {
        refreshAll();
        if (!sources.isEmpty()) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "policy-watcher");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::refreshAll, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    /** Reads every source now; used at start, on the interval and by tests that cannot wait. */
    public void refreshAll() {
        for (DefinitionSource<?> source : sources) {
            try {
                List<?> before = source.status().problems();
                if (source.refresh()) {
                    accepted.increment();
                } else if (!source.status().problems().isEmpty() && !source.status().problems().equals(before)) {
                    rejected.increment();
                }
            } catch (RuntimeException e) {
                log.error("Reloading {} failed; the last good set stays in force", source, e);
            }
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** What is loaded, and why the last change was rejected if it was. */
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (DefinitionSource<?> source : sources) {
            DefinitionSource.Status status = source.status();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("files", status.files());
            detail.put("lastAccepted", status.acceptedAt() == null ? "never" : status.acceptedAt().toString());
            if (!status.problems().isEmpty()) {
                detail.put("rejected", status.problems().stream().map(Object::toString).toList());
            }
            details.put(source.toString(), detail);
        }
        if (sources.isEmpty()) {
            details.put("sources", "no rule directory or waiver file configured");
        }
        // A rejected file does not stop evaluation (the last good set stays), so health stays up and says why.
        return Health.up().withDetails(details).build();
    }
}
