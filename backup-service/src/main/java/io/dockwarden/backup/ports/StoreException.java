package io.dockwarden.backup.ports;

/** The object store failed; {@link #retryable()} says whether trying again later may help. */
public class StoreException extends RuntimeException {

    private final boolean retryable;

    public StoreException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public StoreException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
