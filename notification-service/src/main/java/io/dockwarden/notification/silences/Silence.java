package io.dockwarden.notification.silences;

import io.dockwarden.notification.routing.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mutes alerts whose labels match all its matchers while it is active.
 *
 * @param id its id
 * @param matchers what it mutes
 * @param startsAt when it becomes active
 * @param endsAt when it expires
 * @param createdBy who created it
 * @param comment why
 * @param updatedAt when it was last changed (created or expired)
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment, Instant updatedAt) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    /** Its state at a time: pending before its start, active until its end, expired after. */
    public enum State {
        PENDING, ACTIVE, EXPIRED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public State state(Instant now) {
        if (now.isBefore(startsAt)) {
            return State.PENDING;
        }
        return now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
    }

    public boolean mutes(Map<String, String> labels, Instant now) {
        if (state(now) != State.ACTIVE) {
            return false;
        }
        for (Matcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** This silence ended now (a pending one never starts). */
    public Silence expiredAt(Instant now) {
        Instant end = endsAt.isBefore(now) ? endsAt : now;
        Instant start = startsAt.isAfter(end) ? end : startsAt;
        return new Silence(id, matchers, start, end, createdBy, comment, now);
    }
}
