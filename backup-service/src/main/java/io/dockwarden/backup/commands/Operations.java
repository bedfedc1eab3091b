package io.dockwarden.backup.commands;

import io.dockwarden.events.EventData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The operations this instance requested or ran, so that people can follow one by its id while it is under way. Kept
 * in memory and bounded; finished operations are also recorded in the bucket.
 */
public final class Operations {

    private static final int KEEP = 2000;

    /** Where an operation stands. */
    public enum State {
        REQUESTED, RUNNING, COMPLETED, FAILED, SKIPPED
    }

    /**
     * An operation.
     *
     * @param id the backup, restore or verification id
     * @param kind backup, restore or verification
     * @param requestId the request
     * @param volumeName the volume it concerns
     * @param backupId the backup it concerns
     * @param state where it stands
     * @param updatedAt when that changed
     * @param outcome the outcome event, once there is one
     */
    public record Status(String id, String kind, String requestId, String volumeName, @Nullable String backupId,
            State state, Instant updatedAt, @Nullable EventData outcome) {
    }

    private final Map<String, Status> byId = new LinkedHashMap<>();
    private final Map<String, String> idByRequest = new LinkedHashMap<>();

    public synchronized void update(Status status) {
        byId.remove(status.id());
        byId.put(status.id(), status);
        idByRequest.put(status.requestId(), status.id());
        while (byId.size() > KEEP) {
            String eldest = byId.keySet().iterator().next();
            Status removed = byId.remove(eldest);
            idByRequest.remove(removed.requestId());
        }
    }

    /** By operation id or request id. */
    public synchronized Optional<Status> find(String id) {
        Status status = byId.get(id);
        if (status == null && idByRequest.containsKey(id)) {
            status = byId.get(idByRequest.get(id));
        }
        return Optional.ofNullable(status);
    }

    public synchronized List<Status> all() {
        return new ArrayList<>(byId.values());
    }
}
