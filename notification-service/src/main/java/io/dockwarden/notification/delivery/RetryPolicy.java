package io.dockwarden.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with jitter, or exactly what the receiver asked with
 * {@code Retry-After} (up to a cap), until the attempts or the age run out.
 *
 * @param initialBackoff the wait after the first failure
 * @param multiplier growth of the wait per failure
 * @param maxBackoff the longest wait computed by backoff
 * @param jitter spread of each wait, as a fraction: 0.2 gives 80% to 120% of it
 * @param maxAttempts attempts in all, the first one included
 * @param maxAge how long after the first attempt a delivery is still tried
 * @param maxRetryAfter the longest wait honoured from {@code Retry-After}
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter,
        int maxAttempts, Duration maxAge, Duration maxRetryAfter) {

    public RetryPolicy {
        if (multiplier < 1 || jitter < 0 || jitter > 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("multiplier >= 1, 0 <= jitter <= 1 and maxAttempts >= 1 are required");
        }
    }

    /** What to do after a failed attempt. */
    public sealed interface Decision permits RetryAt, GiveUp {
    }

    /**
     * Try again at this time.
     *
     * @param dueAt when
     */
    public record RetryAt(Instant dueAt) implements Decision {
    }

    /**
     * Stop trying.
     *
     * @param reason why: the failure was permanent, or attempts or age ran out
     */
    public record GiveUp(String reason) implements Decision {
    }

    /**
     * Decides after a failed attempt.
     *
     * @param attempts attempts made so far, the failed one included
     * @param firstAttemptAt when the first attempt was made
     * @param failure the failure
     * @param now the time of the failure
     * @param random uniform in [0, 1), for the jitter
     */
    public Decision after(int attempts, Instant firstAttemptAt, Outcome.Failed failure, Instant now,
            DoubleSupplier random) {
        if (!failure.retryable()) {
            return new GiveUp(failure.reason() + " (not retryable)");
        }
        if (attempts >= maxAttempts) {
            return new GiveUp(failure.reason() + " (gave up after " + attempts + " attempts)");
        }
        Duration wait = failure.retryAfter() != null ? min(failure.retryAfter(), maxRetryAfter)
                : backoff(attempts, random.getAsDouble());
        Instant dueAt = now.plus(wait);
        if (Duration.between(firstAttemptAt, dueAt).compareTo(maxAge) > 0) {
            return new GiveUp(failure.reason() + " (gave up: next attempt would be past the maximum age of " + maxAge
                    + ")");
        }
        return new RetryAt(dueAt);
    }

    /** The jittered wait after the given number of failed attempts. */
    public Duration backoff(int failedAttempts, double random) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        base = Math.min(base, maxBackoff.toMillis());
        double jittered = base * (1 + jitter * (2 * random - 1));
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(jittered, maxBackoff.toMillis()))));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
