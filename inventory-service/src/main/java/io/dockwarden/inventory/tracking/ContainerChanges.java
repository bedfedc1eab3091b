package io.dockwarden.inventory.tracking;

import io.dockwarden.events.container.ContainerCreated;
import io.dockwarden.events.container.ContainerDied;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.container.ContainerHealthChanged;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerPaused;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.container.ContainerRenamed;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerStarted;
import io.dockwarden.events.container.ContainerStopped;
import io.dockwarden.events.container.ContainerUnpaused;
import io.dockwarden.events.container.ContainerUpdated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a batch of triggers on one container publishes, given what was published last and what the engine
 * says now. Every event of a batch carries the snapshot read once, after the batch's actions happened: a burst of
 * actions therefore never publishes a snapshot older than one already published, and each lifecycle fact still gets
 * its own event.
 */
final class ContainerChanges {

    private static final Set<String> HEALTH_STATUSES = Set.of("starting", "healthy", "unhealthy");

    private ContainerChanges() {
    }

    /**
     * What to publish and what is published afterwards.
     *
     * @param events the container events, in order
     * @param state the snapshot to record on the compacted state topic, if it must be recorded
     * @param tombstone whether to remove the container from the compacted state topic
     * @param published the snapshot consumers know after the events, absent once removed
     */
    record Outcome(List<Publication> events, @Nullable ContainerSnapshot state, boolean tombstone,
            @Nullable ContainerSnapshot published) {

        static Outcome unchanged(@Nullable ContainerSnapshot published) {
            return new Outcome(List.of(), null, false, published);
        }
    }

    static Outcome decide(String hostId, String containerId, List<Trigger> batch,
            @Nullable ContainerSnapshot previous, @Nullable ContainerSnapshot current, Instant now) {
        if (current == null) {
            return previous == null ? Outcome.unchanged(null) : removed(hostId, containerId, batch, previous, now);
        }
        List<Publication> events = new ArrayList<>();
        boolean observeAll = false;
        boolean reconciled = false;
        for (Trigger trigger : batch) {
            if (trigger instanceof Trigger.Action action) {
                ContainerEvent event = lifecycleEvent(hostId, containerId, action.action(), previous, current);
                if (event != null) {
                    events.add(fromAction(hostId, action.action(), event));
                }
            } else if (trigger instanceof Trigger.Reconcile reconcile && !reconciled) {
                reconciled = true;
                if (reconcile.mode() == ReconcileMode.OBSERVE_ALL) {
                    observeAll = true;
                    events.add(found(new ContainerObserved(hostId, containerId, now, current), now));
                } else if (previous == null) {
                    // It appeared while nobody watched: it was created, whenever the engine says.
                    events.add(found(new ContainerCreated(hostId, containerId, current.createdAt(), current), now));
                } else if (!previous.equals(current)) {
                    events.add(found(new ContainerObserved(hostId, containerId, now, current), now));
                }
            }
        }
        if (events.isEmpty() && !current.equals(previous)) {
            // Changed without a lifecycle action of its own (a network attached, health probed, an image retagged):
            // consumers of the events must still see the latest snapshot.
            events.add(found(new ContainerObserved(hostId, containerId, now, current), now));
        }
        boolean record = observeAll || !current.equals(previous);
        return new Outcome(events, record ? current : null, false, current);
    }

    /**
     * The container is gone. Actions of the batch before its removal are still facts consumers must see; they carry
     * the last snapshot published, the newest there is.
     */
    private static Outcome removed(String hostId, String containerId, List<Trigger> batch,
            ContainerSnapshot previous, Instant now) {
        List<Publication> events = new ArrayList<>();
        EngineAction destroy = null;
        for (Trigger trigger : batch) {
            if (trigger instanceof Trigger.Action action) {
                if (action.action().verb().equals("destroy")) {
                    destroy = action.action();
                } else if (destroy == null && !action.action().verb().equals("create")) {
                    ContainerEvent event = lifecycleEvent(hostId, containerId, action.action(), previous, previous);
                    if (event != null) {
                        events.add(fromAction(hostId, action.action(), event));
                    }
                }
            }
        }
        if (destroy != null) {
            String name = stripSlash(destroy.attribute("name"));
            events.add(fromAction(hostId, destroy, new ContainerRemoved(hostId, containerId, destroy.time(),
                    name.isBlank() ? previous.name() : name, previous)));
        } else {
            events.add(found(new ContainerRemoved(hostId, containerId, now, previous.name(), previous), now));
        }
        return new Outcome(events, null, true, null);
    }

    private static @Nullable ContainerEvent lifecycleEvent(String hostId, String containerId, EngineAction action,
            @Nullable ContainerSnapshot previous, ContainerSnapshot current) {
        Instant at = action.time();
        switch (action.verb()) {
            case "create":
                return new ContainerCreated(hostId, containerId, at, current);
            case "start":
                return new ContainerStarted(hostId, containerId, at, current);
            case "die":
                return new ContainerDied(hostId, containerId, at, exitCode(action, current), current);
            case "stop":
                return new ContainerStopped(hostId, containerId, at, current);
            case "pause":
                return new ContainerPaused(hostId, containerId, at, current);
            case "unpause":
                return new ContainerUnpaused(hostId, containerId, at, current);
            case "rename":
                String oldName = stripSlash(action.attribute("oldName"));
                if (oldName.isBlank()) {
                    oldName = previous == null ? current.name() : previous.name();
                }
                return new ContainerRenamed(hostId, containerId, at, oldName, current);
            case "update":
                return new ContainerUpdated(hostId, containerId, at, current);
            case "health_status":
                String status = action.detail();
                return HEALTH_STATUSES.contains(status)
                        ? new ContainerHealthChanged(hostId, containerId, at, status, current)
                        : null;
            default:
                // kill, oom, restart, exec_*, attach, resize, ...: no lifecycle fact of the contract; a change they
                // cause shows up through the actions that follow (die, start) or as observed.
                return null;
        }
    }

    private static int exitCode(EngineAction action, ContainerSnapshot current) {
        try {
            return Integer.parseInt(action.attribute("exitCode"));
        } catch (NumberFormatException e) {
            return current.exitCode() == null ? 0 : current.exitCode();
        }
    }

    /** The id is derived from the action, so that an action replayed after a reconnect yields the same event id. */
    private static Publication fromAction(String hostId, EngineAction action, ContainerEvent event) {
        String seed = hostId + "|" + action.identity() + "|" + event.getClass().getSimpleName();
        return new Publication(event, UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(),
                action.time(), action.time());
    }

    private static Publication found(ContainerEvent event, Instant now) {
        return new Publication(event, UUID.randomUUID().toString(), now, null);
    }

    static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
