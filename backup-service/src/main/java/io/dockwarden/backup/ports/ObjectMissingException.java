package io.dockwarden.backup.ports;

/** An object does not exist, or no longer is the object that was read before. */
public class ObjectMissingException extends StoreException {

    public ObjectMissingException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
