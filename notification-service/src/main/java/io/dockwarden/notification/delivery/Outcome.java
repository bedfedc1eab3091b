package io.dockwarden.notification.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What one attempt gave: delivered, or failed and worth retrying or not. */
public sealed interface Outcome permits Outcome.Delivered, Outcome.Failed {

    static Outcome delivered() {
        return new Delivered();
    }

    static Outcome retryable(String reason) {
        return new Failed(reason, true, null);
    }

    static Outcome retryableAfter(String reason, @Nullable Duration retryAfter) {
        return new Failed(reason, true, retryAfter);
    }

    static Outcome permanent(String reason) {
        return new Failed(reason, false, null);
    }

    /** The receiver took it. */
    record Delivered() implements Outcome {
    }

    /**
     * The receiver did not take it.
     *
     * @param reason why, without secrets: status code, timeout, connection error
     * @param retryable whether a later attempt may succeed (5xx, 429, timeouts, connection errors)
     * @param retryAfter how long the receiver asked to wait ({@code Retry-After}), if it did
     */
    record Failed(String reason, boolean retryable, @Nullable Duration retryAfter) implements Outcome {
    }
}
