package io.dockwarden.backup.ports;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a call again after engine or store failures that may pass, waiting as a {@link RetryPolicy} says. */
public final class Retrying {

    private static final Logger log = LoggerFactory.getLogger(Retrying.class);

    /** Waits; tests may wait on a clock of their own. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public Retrying(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public RetryPolicy policy() {
        return policy;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Whether a failure may pass if tried again. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreException store) {
                return store.retryable();
            }
            if (cause instanceof EngineException engine) {
                return engine.retryable();
            }
        }
        return false;
    }

    public <T> T call(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!isRetryable(e) || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration backoff = policy.backoffAfter(attempt);
                log.warn("{} failed (attempt {} of {}), retrying in {} ms: {}", what, attempt, policy.maxAttempts(),
                        backoff.toMillis(), e.getMessage());
                pause(backoff);
            }
        }
    }

    public void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    public void pause(Duration backoff) {
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", interrupted);
        }
    }
}
