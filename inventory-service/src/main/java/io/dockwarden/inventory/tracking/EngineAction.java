package io.dockwarden.inventory.tracking;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the engine's event stream, as plain values.
 *
 * @param type container, volume, image, network or daemon
 * @param action the action, possibly with a detail after a colon ({@code health_status: healthy})
 * @param actorId the container id, volume name, image id or name, network id
 * @param attributes the actor's attributes (name, image, exitCode, container, ...)
 * @param timeNanos when the engine reported it, in nanoseconds since the epoch (engine clock)
 */
public record EngineAction(String type, String action, String actorId, Map<String, String> attributes,
        long timeNanos) {

    public EngineAction {
        attributes = Map.copyOf(attributes);
    }

    /** The action without its detail: {@code health_status} for {@code health_status: healthy}. */
    public String verb() {
        int colon = action.indexOf(':');
        return (colon < 0 ? action : action.substring(0, colon)).strip();
    }

    /** What follows the colon, such as {@code healthy}; empty when there is none. */
    public String detail() {
        int colon = action.indexOf(':');
        return colon < 0 ? "" : action.substring(colon + 1).strip();
    }

    public Instant time() {
        return Instant.ofEpochSecond(0, timeNanos);
    }

    public String attribute(String name) {
        String value = attributes.get(name);
        return value == null ? "" : value;
    }

    /** Identifies the action across a replay, which delivers some actions a second time. */
    public String identity() {
        return timeNanos + "|" + type + "|" + action + "|" + actorId;
    }
}
