package io.dockwarden.notification.silences;

/** A silence that breaks a rule; its message says which, for the API's 400 answer. */
public class InvalidSilenceException extends RuntimeException {

    public InvalidSilenceException(String message) {
        super(message);
    }
}
