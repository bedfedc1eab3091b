package io.dockwarden.inventory.engine;

import com.github.dockerjava.api.model.Info;
import io.dockwarden.inventory.tracking.Backoff;
import io.dockwarden.inventory.tracking.EngineView;
import io.dockwarden.inventory.tracking.Inventory;
import io.dockwarden.inventory.tracking.InventoryObserver.SyncReport;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the inventory connected to its engine: connects (with exponential backoff while the engine is away), follows
 * the event stream, and after every reconnect replays the engine's events since the last one seen and runs a resync,
 * so that the published state equals the engine's after any outage. Also pings the engine, to notice a connection
 * that died silently, and resyncs periodically to catch drift.
 *
 * <p>All connection handling runs on one thread; the inventory's own workers do the rest.
 */
public final class EngineWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineWatch.class);

    private final DockerConnection connection;
    private final EngineView view;
    private final EngineEventStream stream;
    private final @Nullable String configuredHostId;
    private final Function<String, Inventory> inventories;
    private final Backoff reconnectBackoff;
    private final Duration pingInterval;
    private final Duration resyncInterval;
    private final Duration streamOpenTimeout;
    private final Clock clock;
    private final Runnable onReconnect;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "engine-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();

    private volatile @Nullable Inventory inventory;
    private volatile @Nullable Closeable events;
    private volatile boolean connected;
    private volatile boolean stopping;
    private volatile @Nullable String engineId;
    private volatile @Nullable Instant connectedSince;
    private volatile @Nullable String lastError;
    private volatile long connectEngineNanos;
    private volatile @Nullable CompletableFuture<SyncReport> initialSync;

    /**
     * @param connection the clients to the engine
     * @param configuredHostId the configured host id, or null to use the engine's ID
     * @param inventories makes the inventory for a host id, once, at the first connection
     * @param reconnectBackoff the wait between attempts to reach the engine
     * @param pingInterval how often to ping a connected engine
     * @param resyncInterval how often to resync while connected; zero for never
     * @param clock the service's clock
     * @param onReconnect told of every reconnect attempt, for metrics
     */
    public EngineWatch(DockerConnection connection, @Nullable String configuredHostId,
            Function<String, Inventory> inventories, Backoff reconnectBackoff, Duration pingInterval,
            Duration resyncInterval, Clock clock, Runnable onReconnect) {
        this.connection = connection;
        this.view = new DockerEngineView(connection.requests());
        this.stream = new EngineEventStream(connection.events());
        this.configuredHostId = configuredHostId;
        this.inventories = inventories;
        this.reconnectBackoff = reconnectBackoff;
        this.pingInterval = pingInterval;
        this.resyncInterval = resyncInterval;
        this.streamOpenTimeout = Duration.ofSeconds(30);
        this.clock = clock;
        this.onReconnect = onReconnect;
    }

    /** What the inventory reads the engine through. */
    public EngineView view() {
        return view;
    }

    public void start() {
        scheduler.execute(this::connect);
        if (!pingInterval.isZero()) {
            scheduler.scheduleWithFixedDelay(this::ping, pingInterval.toMillis(), pingInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (!resyncInterval.isZero()) {
            scheduler.scheduleWithFixedDelay(this::periodicResync, resyncInterval.toMillis(),
                    resyncInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void connect() {
        if (stopping) {
            return;
        }
        int attempt = generation.incrementAndGet();
        try {
            Info info = connection.requests().infoCmd().exec();
            String id = info.getId();
            if (engineId != null && id != null && !id.equals(engineId)) {
                log.warn("The engine at {} now reports ID {} instead of {}; publishing on as host {}",
                        connection.dockerHost(), id, engineId, hostIdOr(id));
            }
            engineId = id;
            Inventory current = inventory;
            boolean first = current == null;
            if (current == null) {
                String hostId = hostIdOr(id);
                current = inventories.apply(hostId);
                inventory = current;
                log.info("Watching the engine at {} as host {}", connection.dockerHost(), hostId);
            }
            long since = current.lastActionNanos() > 0 ? current.lastActionNanos()
                    : first ? engineNanos(info) : connectEngineNanos;
            Inventory target = current;
            events = stream.subscribe(since, action -> target.accept(action),
                    error -> scheduler.execute(() -> streamEnded(attempt, error)), streamOpenTimeout);
            if (attempt != generation.get()) {
                return;
            }
            if (first || connectEngineNanos == 0) {
                connectEngineNanos = engineNanos(info);
            }
            connected = true;
            connectedSince = clock.instant();
            lastError = null;
            reconnectBackoff.reset();
            CompletableFuture<SyncReport> sync = first ? current.fullSync() : current.resync();
            if (first) {
                initialSync = sync;
            }
            String kind = first ? "Full sync" : "Resync after reconnect";
            sync.whenComplete((report, failure) -> logSync(kind, report, failure));
        } catch (RuntimeException failure) {
            retryLater(failure);
        }
    }

    private String hostIdOr(@Nullable String engineReportedId) {
        if (configuredHostId != null && !configuredHostId.isBlank()) {
            return configuredHostId;
        }
        if (engineReportedId == null || engineReportedId.isBlank()) {
            throw new IllegalStateException("the engine reports no ID; configure dockwarden.inventory.host-id");
        }
        return engineReportedId;
    }

    private void streamEnded(int attempt, @Nullable Throwable error) {
        if (stopping || attempt != generation.get()) {
            return;
        }
        connected = false;
        lastError = error == null ? "the engine closed the event stream" : DockerEngineView.rootMessage(error);
        log.warn("Lost the event stream of {}: {}", connection.dockerHost(), lastError);
        generation.incrementAndGet();
        scheduleReconnect();
    }

    private void retryLater(RuntimeException failure) {
        generation.incrementAndGet();
        closeEvents();
        connected = false;
        lastError = DockerEngineView.rootMessage(failure);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (stopping) {
            return;
        }
        Duration wait = reconnectBackoff.next();
        reconnects.incrementAndGet();
        onReconnect.run();
        if (reconnectBackoff.failures() <= 3 || reconnectBackoff.failures() % 10 == 0) {
            log.warn("Cannot watch the engine at {} ({}); attempt {} in {} ms", connection.dockerHost(), lastError,
                    reconnectBackoff.failures() + 1, wait.toMillis());
        }
        scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        if (!connected || stopping) {
            return;
        }
        try {
            connection.requests().pingCmd().exec();
        } catch (RuntimeException silentLoss) {
            log.warn("The engine at {} does not answer a ping: {}", connection.dockerHost(),
                    DockerEngineView.rootMessage(silentLoss));
            retryLater(silentLoss);
        }
    }

    private void periodicResync() {
        Inventory current = inventory;
        if (!connected || stopping || current == null) {
            return;
        }
        current.resync().whenComplete((report, failure) -> logSync("Periodic resync", report, failure));
    }

    private void logSync(String kind, @Nullable SyncReport report, @Nullable Throwable failure) {
        if (failure != null) {
            if (!stopping) {
                log.warn("{} of {} did not finish: {}", kind, connection.dockerHost(),
                        DockerEngineView.rootMessage(failure));
            }
        } else if (report != null) {
            log.info("{} of {}: {} containers, {} volumes in {} ms", kind, connection.dockerHost(),
                    report.containers(), report.volumes(), report.took().toMillis());
        }
    }

    /** The engine's clock at the moment of {@code /info}, the start of the replay after the first connection. */
    private long engineNanos(Info info) {
        String systemTime = info.getSystemTime();
        Instant engineNow = clock.instant();
        if (systemTime != null) {
            try {
                engineNow = OffsetDateTime.parse(systemTime).toInstant();
            } catch (DateTimeParseException unreadable) {
                // Fall back to the service's clock.
            }
        }
        return engineNow.getEpochSecond() * 1_000_000_000L + engineNow.getNano();
    }

    public Optional<Inventory> inventory() {
        return Optional.ofNullable(inventory);
    }

    /** The full sync of the first connection, once it started. */
    public Optional<CompletableFuture<SyncReport>> initialSync() {
        return Optional.ofNullable(initialSync);
    }

    public boolean connected() {
        return connected;
    }

    public Optional<String> engineId() {
        return Optional.ofNullable(engineId);
    }

    public Optional<Instant> connectedSince() {
        return Optional.ofNullable(connectedSince);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public int reconnects() {
        return reconnects.get();
    }

    public String dockerHost() {
        return connection.dockerHost();
    }

    private void closeEvents() {
        Closeable open = events;
        events = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException | RuntimeException ignored) {
                // The stream is being abandoned either way.
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        generation.incrementAndGet();
        Inventory current = inventory;
        if (current != null) {
            current.close();
        }
        scheduler.shutdownNow();
        closeEvents();
        connected = false;
    }
}
