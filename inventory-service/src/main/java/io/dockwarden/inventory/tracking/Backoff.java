package io.dockwarden.inventory.tracking;

import java.time.Duration;

/**
 * Exponential backoff with a ceiling: how long to wait before the next attempt at something that keeps failing
 * (reaching the engine, reaching the broker). Not thread-safe: one per retrying activity.
 */
public final class Backoff {

    private final Duration initial;
    private final double multiplier;
    private final Duration max;
    private Duration next;
    private int failures;

    public Backoff(Duration initial, double multiplier, Duration max) {
        if (initial.isNegative() || initial.isZero() || multiplier < 1.0 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and multiplier >= 1: " + initial
                    + ", " + multiplier + ", " + max);
        }
        this.initial = initial;
        this.multiplier = multiplier;
        this.max = max;
        this.next = initial;
    }

    /** The wait before the next attempt; each call lengthens the following one, up to the ceiling. */
    public Duration next() {
        Duration current = next;
        failures++;
        long grown = (long) Math.min((double) max.toMillis(), current.toMillis() * multiplier);
        next = Duration.ofMillis(Math.max(grown, initial.toMillis()));
        return current;
    }

    /** Success: the next failure starts again from the initial wait. */
    public void reset() {
        next = initial;
        failures = 0;
    }

    /** Failures since the last success. */
    public int failures() {
        return failures;
    }

    public Backoff fresh() {
        return new Backoff(initial, multiplier, max);
    }
}
