package io.dockwarden.compliance.findings;

import java.util.List;

/** Where finding events go, in order per finding. */
public interface FindingEventSink {

    /** Publishes and returns only once every event is durable. */
    void publish(List<IdentifiedEvent> events);

    /**
     * Hands the events over without waiting: a batch sends the findings of many inputs and then waits once. The
     * default publishes at once, which is what a sink without a send buffer can do.
     */
    default Pending send(List<IdentifiedEvent> events) {
        publish(events);
        return Pending.DONE;
    }

    /** Events handed over and maybe not durable yet. */
    @FunctionalInterface
    interface Pending {

        Pending DONE = () -> { };

        /** Returns once every event is durable; throws if one of them cannot be made so. */
        void await();
    }
}
