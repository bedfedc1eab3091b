package io.dockwarden.backup.restores;

/** A restore step failed; the message is the reason the event carries. */
public class RestoreFailure extends RuntimeException {

    private final RestoreStep step;
    private final boolean retryable;

    public RestoreFailure(RestoreStep step, String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.step = step;
        this.retryable = retryable;
    }

    public RestoreFailure(RestoreStep step, String reason, boolean retryable) {
        super(reason);
        this.step = step;
        this.retryable = retryable;
    }

    public RestoreStep step() {
        return step;
    }

    public boolean retryable() {
        return retryable;
    }
}
