package io.dockwarden.inventory.tracking;

import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeRemoved;
import io.dockwarden.events.volume.VolumeSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Decides what a batch of triggers on one volume publishes: the volume as it is now, or its removal. */
final class VolumeChanges {

    private VolumeChanges() {
    }

    /**
     * @param event the event to publish, if any
     * @param published the snapshot consumers know afterwards, absent once removed
     */
    record Outcome(@Nullable Publication event, @Nullable VolumeSnapshot published) {
    }

    static Outcome decide(String hostId, String name, List<Trigger> batch, @Nullable VolumeSnapshot previous,
            @Nullable VolumeSnapshot current, Instant now) {
        EngineAction last = null;
        boolean observeAll = false;
        for (Trigger trigger : batch) {
            if (trigger instanceof Trigger.Action action) {
                last = action.action();
            } else if (trigger instanceof Trigger.Reconcile reconcile && reconcile.mode() == ReconcileMode.OBSERVE_ALL) {
                observeAll = true;
            }
        }
        Instant at = last == null ? now : last.time();
        if (current == null) {
            if (previous == null) {
                return new Outcome(null, null);
            }
            return new Outcome(publication(new VolumeRemoved(hostId, at, name), last, now), null);
        }
        if (observeAll || !current.equals(previous)) {
            return new Outcome(publication(new VolumeObserved(hostId, at, current), last, now), current);
        }
        return new Outcome(null, current);
    }

    private static Publication publication(io.dockwarden.events.EventData data, @Nullable EngineAction cause,
            Instant now) {
        return new Publication(data, UUID.randomUUID().toString(), now, cause == null ? null : cause.time());
    }
}
