package io.dockwarden.backup.ports;

import java.time.Duration;

/**
 * Exponential backoff for engine and store failures that may pass.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff the first wait
 * @param multiplier growth of the wait per attempt
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
    }

    /** The wait after the given failed attempt (1 for the first). */
    public Duration backoffAfter(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
