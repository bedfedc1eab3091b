package io.dockwarden.events.host;

import io.dockwarden.events.EventData;
import java.time.Instant;

/**
 * The engine as it is now, published at every sync and whenever its facts change.
 *
 * @param hostId the host id (configured, or the engine's id)
 * @param occurredAt when it was observed
 * @param host the engine facts
 */
public record HostObserved(String hostId, Instant occurredAt, HostSnapshot host) implements EventData {

    @Override
    public String subject() {
        return hostId;
    }
}
