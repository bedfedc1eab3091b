package io.dockwarden.inventory.tracking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine actions handled lately, so that the replay after a reconnect (which starts at the last action seen,
 * inclusive) does not handle them twice.
 */
final class RecentActions {

    private final int capacity;
    private final Map<String, Boolean> seen;

    RecentActions(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentActions.this.capacity;
            }
        };
    }

    /** Remembers the action; false if it was seen already. */
    synchronized boolean firstTime(EngineAction action) {
        return seen.put(action.identity(), Boolean.TRUE) == null;
    }
}
