package io.dockwarden.backup.policy;

/** A label holds a value that cannot be used; the message names the label and the volume or container. */
public class InvalidPolicyException extends RuntimeException {

    public InvalidPolicyException(String message) {
        super(message);
    }
}
