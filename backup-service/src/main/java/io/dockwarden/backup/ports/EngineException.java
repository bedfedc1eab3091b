package io.dockwarden.backup.ports;

/** The Docker engine failed; {@link #retryable()} says whether trying again later may help. */
public class EngineException extends RuntimeException {

    private final boolean retryable;

    public EngineException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public EngineException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
