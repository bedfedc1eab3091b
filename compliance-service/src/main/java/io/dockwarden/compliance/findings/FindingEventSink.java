package io.dockwarden.compliance.findings;

import java.util.List;

/** Where finding events go; returns only once every event is durable, in order per finding. */
public interface FindingEventSink {

    void publish(List<IdentifiedEvent> events);
}
