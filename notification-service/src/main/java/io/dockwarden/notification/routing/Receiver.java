package io.dockwarden.notification.routing;

import io.dockwarden.notification.secrets.Secret;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named destination of notifications with one or more integrations.
 *
 * @param name the name routes refer to
 * @param integrations where its notifications go; each is delivered separately
 * @param fallback the receiver notified when a delivery to this one is given up, if any
 */
public record Receiver(String name, List<ChannelConfig> integrations, @Nullable String fallback) {

    /** The built-in receiver that writes to the service log. */
    public static final String LOG = "log";

    public Receiver {
        integrations = List.copyOf(integrations);
    }

    public static Receiver log() {
        return new Receiver(LOG, List.of(new ChannelConfig.Log("INFO", true, java.util.Map.of())), null);
    }

    /** Whether any integration wants notifications of resolved alerts. */
    public boolean sendsResolved() {
        return integrations.stream().anyMatch(ChannelConfig::sendResolved);
    }

    public List<Secret> secrets() {
        return integrations.stream().flatMap(integration -> integration.secrets().stream()).toList();
    }
}
