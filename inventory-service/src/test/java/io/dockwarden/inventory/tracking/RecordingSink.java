package io.dockwarden.inventory.tracking;

import io.dockwarden.events.EventData;
import io.dockwarden.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps what the inventory publishes, in acknowledgement order. While {@link #outage()} holds, publishing blocks as
 * it does against a broker that does not acknowledge, until {@link #recover()}.
 */
final class RecordingSink implements EventSink {

    private final List<Publication> published = new ArrayList<>();
    private final List<String> tombstones = new ArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void outage() {
        gate = new CountDownLatch(1);
    }

    void recover() {
        gate.countDown();
    }

    @Override
    public void publish(Publication publication) {
        pass();
        synchronized (this) {
            published.add(publication);
        }
    }

    @Override
    public void tombstone(EventType<?> type, String subject) {
        pass();
        synchronized (this) {
            tombstones.add(subject);
        }
    }

    private void pass() {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the outage of the test did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }

    synchronized List<EventData> events() {
        return published.stream().map(Publication::data).toList();
    }

    synchronized <T extends EventData> List<T> events(Class<T> type) {
        return published.stream().map(Publication::data).filter(type::isInstance).map(type::cast).toList();
    }

    synchronized List<String> tombstones() {
        return List.copyOf(tombstones);
    }

    synchronized void clear() {
        published.clear();
        tombstones.clear();
    }
}
