package io.dockwarden.inventory.tracking;

import io.dockwarden.events.EventData;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event to publish.
 *
 * @param data the event data
 * @param id the {@code ce_id}: derived from the engine action that caused it, so that a replayed action yields the
 *        same id, or random for what a sync found
 * @param time the {@code ce_time}
 * @param causedAt when the engine reported the cause, for the publish latency; absent for syncs
 */
public record Publication(EventData data, String id, Instant time, @Nullable Instant causedAt) {
}
