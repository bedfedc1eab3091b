package io.dockwarden.events.codec;

/**
 * Thrown by a consumer for a record it will never be able to process; the binder sends the record to the dead-letter
 * topic at once, with the rejection in its headers, and consumption continues.
 */
public class RejectedEventException extends RuntimeException {

    private final Rejection rejection;

    public RejectedEventException(Rejection rejection) {
        super(rejection.toString(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
