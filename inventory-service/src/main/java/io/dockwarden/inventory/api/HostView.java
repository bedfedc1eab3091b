package io.dockwarden.inventory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.host.HostSnapshot;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An engine this inventory watches.
 *
 * @param hostId the host id its events carry
 * @param dockerHost the engine's address
 * @param connected whether the event stream is open
 * @param connectedSince when it (re)connected last
 * @param lastEventAt when the engine last reported an action
 * @param containers containers as last published
 * @param volumes volumes as last published
 * @param pendingWork triggers waiting or being handled
 * @param host the engine's facts as last published
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HostView(String hostId, String dockerHost, boolean connected, @Nullable Instant connectedSince,
        @Nullable Instant lastEventAt, int containers, int volumes, int pendingWork, @Nullable HostSnapshot host) {
}
