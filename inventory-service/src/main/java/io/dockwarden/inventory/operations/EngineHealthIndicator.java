package io.dockwarden.inventory.operations;

import io.dockwarden.inventory.engine.EngineWatch;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The engine connection: up while the event stream is open, with the engine's identity, the time since it last
 * reported an action, reconnects and the work still pending; down while the engine is unreachable, with the reason.
 */
public final class EngineHealthIndicator implements HealthIndicator {

    private final EngineWatch watch;
    private final Clock clock;

    public EngineHealthIndicator(EngineWatch watch, Clock clock) {
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health.Builder health = watch.connected() ? Health.up() : Health.down();
        health.withDetail("dockerHost", watch.dockerHost());
        watch.engineId().ifPresent(id -> health.withDetail("engineId", id));
        watch.inventory().ifPresent(inventory -> {
            health.withDetail("hostId", inventory.hostId());
            health.withDetail("containers", inventory.containers().size());
            health.withDetail("pendingWork", inventory.pendingWork());
            inventory.lastActionReceivedAt().ifPresent(at -> health.withDetail("lastEventAt", at.toString()));
        });
        watch.connectedSince().ifPresent(since -> health.withDetail("connectedSince", since.toString()));
        double age = InventoryMetrics.secondsSinceLastEvent(watch, clock);
        if (!Double.isNaN(age)) {
            health.withDetail("secondsSinceLastEvent", Math.round(age));
        }
        health.withDetail("reconnects", watch.reconnects());
        if (!watch.connected()) {
            health.withDetail("error", watch.lastError().orElse("not connected yet"));
        }
        return health.build();
    }
}
