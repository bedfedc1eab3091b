package io.dockwarden.backup.backups;

/** A backup step failed; the message is the reason the event carries, free of secrets. */
public class StepFailure extends RuntimeException {

    private final Step step;
    private final boolean retryable;

    public StepFailure(Step step, String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.step = step;
        this.retryable = retryable;
    }

    public StepFailure(Step step, String reason, boolean retryable) {
        super(reason);
        this.step = step;
        this.retryable = retryable;
    }

    public Step step() {
        return step;
    }

    public boolean retryable() {
        return retryable;
    }
}
