package io.dockwarden.inventory.tracking;

import io.dockwarden.events.EventData;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the inventory tells about its work, for metrics and logs. */
public interface InventoryObserver {

    InventoryObserver NONE = new InventoryObserver() {
    };

    default void actionSeen(EngineAction action) {
    }

    /**
     * An event was acknowledged by the broker.
     *
     * @param causedAt when the engine reported what caused it, absent for syncs
     */
    default void published(EventData data, @Nullable Instant causedAt) {
    }

    default void synced(ReconcileMode mode, SyncReport report) {
    }

    default void engineUnavailable(RuntimeException cause) {
    }

    /** Work on a key failed for a reason retrying cannot fix (a bug); the work was dropped. */
    default void workFailed(String key, RuntimeException cause) {
    }

    /**
     * The outcome of a sync.
     *
     * @param containers containers looked at
     * @param volumes volumes looked at
     * @param took how long it took until every resulting event was acknowledged
     */
    record SyncReport(int containers, int volumes, Duration took) {
    }
}
