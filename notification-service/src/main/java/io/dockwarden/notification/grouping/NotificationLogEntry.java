package io.dockwarden.notification.grouping;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a receiver was last told about a group, as Alertmanager's notification log keeps it.
 *
 * @param receiver the receiver
 * @param groupKey the group
 * @param firing fingerprints of the alerts that were firing in the last notification
 * @param resolved fingerprints of the alerts that were resolved in it
 * @param notifiedAt when it was handed on (delivered, or parked for retries)
 */
public record NotificationLogEntry(String receiver, String groupKey, Set<String> firing, Set<String> resolved,
        Instant notifiedAt) {

    public NotificationLogEntry {
        firing = Set.copyOf(firing);
        resolved = Set.copyOf(resolved);
    }

    public String key() {
        return keyOf(receiver, groupKey);
    }

    public static String keyOf(String receiver, String groupKey) {
        return receiver + "|" + groupKey;
    }

    /**
     * Alertmanager's dedup decision: whether a group with these firing and resolved alerts needs a notification,
     * given the last one.
     */
    public static boolean needsUpdate(@Nullable NotificationLogEntry last, Set<String> firing, Set<String> resolved,
            boolean sendResolved, Duration repeatInterval, Instant now) {
        if (last == null) {
            // Never notified: only firing alerts are worth a first notification.
            return !firing.isEmpty();
        }
        if (!last.firing.containsAll(firing)) {
            return true;
        }
        if (firing.isEmpty()) {
            // Everything resolved: tell the receiver only if it had heard of some of them firing. Done regardless of
            // send_resolved, so that the log forgets the firing alerts.
            return !last.firing.isEmpty();
        }
        if (sendResolved && !last.resolved.containsAll(resolved)) {
            return true;
        }
        return !last.notifiedAt.isAfter(now.minus(repeatInterval));
    }
}
