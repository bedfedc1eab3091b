package io.dockwarden.compliance.findings;

import io.dockwarden.events.finding.FindingEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the processor published, in order; can be told to fail like a broker outage. */
final class RecordingSink implements FindingEventSink {

    final List<IdentifiedEvent> published = new ArrayList<>();
    boolean failing;
    /** Sends go out but their acknowledgement never comes, like a broker that fails while a batch waits. */
    boolean unacknowledged;
    int awaited;

    @Override
    public void publish(List<IdentifiedEvent> events) {
        if (failing) {
            throw new IllegalStateException("broker unavailable");
        }
        published.addAll(events);
    }

    @Override
    public Pending send(List<IdentifiedEvent> events) {
        if (failing) {
            throw new IllegalStateException("broker unavailable");
        }
        published.addAll(events);
        boolean acknowledged = !unacknowledged;
        return () -> {
            awaited++;
            if (!acknowledged) {
                throw new IllegalStateException("no acknowledgement from the broker");
            }
        };
    }

    List<FindingEvent> data() {
        return published.stream().map(IdentifiedEvent::data).toList();
    }

    void clear() {
        published.clear();
    }
}
