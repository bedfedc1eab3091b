package io.dockwarden.inventory.tracking;

import io.dockwarden.events.EventType;

/**
 * Where the inventory's events go. {@link #publish} returns only once the broker has acknowledged the event: during
 * an outage it blocks and retries, so that the work that caused the event stays pending and nothing is lost.
 */
public interface EventSink {

    void publish(Publication publication);

    /** Removes a subject from a compacted topic. */
    void tombstone(EventType<?> type, String subject);
}
