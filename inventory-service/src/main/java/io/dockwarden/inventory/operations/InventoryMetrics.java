package io.dockwarden.inventory.operations;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.inventory.engine.EngineWatch;
import io.dockwarden.inventory.publishing.ReliablePublisher;
import io.dockwarden.inventory.tracking.EngineAction;
import io.dockwarden.inventory.tracking.Inventory;
import io.dockwarden.inventory.tracking.InventoryObserver;
import io.dockwarden.inventory.tracking.Publication;
import io.dockwarden.inventory.tracking.ReconcileMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory's meters, all under {@code dockwarden.inventory}: engine actions seen, events published and their
 * latency from the engine's report to the broker's acknowledgement, syncs, reconnects, failed publish attempts, and
 * gauges for what is known and pending.
 */
public final class InventoryMetrics implements InventoryObserver, ReliablePublisher.Listener {

    private static final Logger log = LoggerFactory.getLogger(InventoryMetrics.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter reconnects;
    private final Counter publishFailures;
    private final Counter rejected;
    private final Counter engineUnavailable;
    private final Timer publishLatency;

    public InventoryMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.reconnects = Counter.builder("dockwarden.inventory.reconnects")
                .description("Attempts to reconnect to the engine").register(registry);
        this.publishFailures = Counter.builder("dockwarden.inventory.publish.failures")
                .description("Publish attempts the broker did not acknowledge (retried)").register(registry);
        this.rejected = Counter.builder("dockwarden.inventory.publish.rejected")
                .description("Events dropped because they break the contract (a bug)").register(registry);
        this.engineUnavailable = Counter.builder("dockwarden.inventory.engine.unavailable")
                .description("Engine reads that found it unavailable (retried)").register(registry);
        this.publishLatency = Timer.builder("dockwarden.inventory.publish.latency")
                .description("From the engine reporting an action to the broker acknowledging its event")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** Gauges over the watch and its inventory, once there is one. */
    public void watch(EngineWatch watch) {
        Gauge.builder("dockwarden.inventory.engine.connected", watch, w -> w.connected() ? 1 : 0)
                .description("1 while the engine's event stream is open").register(registry);
        gauge("dockwarden.inventory.containers", "Containers as last published",
                () -> watch.inventory().map(inventory -> inventory.containers().size()).orElse(0));
        gauge("dockwarden.inventory.volumes", "Volumes as last published",
                () -> watch.inventory().map(inventory -> inventory.volumes().size()).orElse(0));
        gauge("dockwarden.inventory.pending", "Triggers waiting or being handled",
                () -> watch.inventory().map(Inventory::pendingWork).orElse(0));
        Gauge.builder("dockwarden.inventory.engine.last.event.age", watch, w -> secondsSinceLastEvent(w, clock))
                .baseUnit("seconds").description("Time since the engine last reported an action")
                .register(registry);
    }

    static double secondsSinceLastEvent(EngineWatch watch, Clock clock) {
        Instant last = watch.inventory().flatMap(Inventory::lastActionReceivedAt)
                .or(watch::connectedSince).orElse(null);
        return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }

    private void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void reconnecting() {
        reconnects.increment();
    }

    @Override
    public void actionSeen(EngineAction action) {
        registry.counter("dockwarden.inventory.engine.actions", "type", action.type(), "action", action.verb())
                .increment();
    }

    @Override
    public void published(EventData data, @Nullable Instant causedAt) {
        registry.counter("dockwarden.inventory.events.published", "type", EventCatalog.of(data).type()).increment();
        if (causedAt != null) {
            Duration latency = Duration.between(causedAt, clock.instant());
            if (!latency.isNegative()) {
                publishLatency.record(latency);
            }
        }
    }

    @Override
    public void synced(ReconcileMode mode, SyncReport report) {
        String kind = mode == ReconcileMode.OBSERVE_ALL ? "full" : "differences";
        registry.counter("dockwarden.inventory.resyncs", "mode", kind).increment();
        registry.timer("dockwarden.inventory.sync.duration", "mode", kind).record(report.took());
    }

    @Override
    public void engineUnavailable(RuntimeException cause) {
        engineUnavailable.increment();
        long count = (long) engineUnavailable.count();
        if (count <= 3 || count % 50 == 0) {
            log.warn("{} (retrying; {} times so far)", cause.getMessage(), count);
        }
    }

    @Override
    public void workFailed(String key, RuntimeException cause) {
        registry.counter("dockwarden.inventory.work.failures").increment();
        log.error("Work on {} failed and was dropped; the next resync retries it", key, cause);
    }

    @Override
    public void attemptFailed(EncodedEvent event, Throwable cause) {
        publishFailures.increment();
    }

    @Override
    public void rejected(Publication publication, IllegalArgumentException cause) {
        rejected.increment();
    }
}
