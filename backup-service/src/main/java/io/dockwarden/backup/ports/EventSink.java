package io.dockwarden.backup.ports;

import io.dockwarden.events.EventData;
import java.time.Instant;

/** Where outcome events go; a publish returns once the broker has the event durably. */
public interface EventSink {

    /**
     * Publishes with a given id, so that a repeated publish of the same outcome is recognisably the same event.
     *
     * @throws RuntimeException if the broker did not acknowledge: the work that led to the event is not done
     */
    void publish(EventData data, String id, Instant time);
}
