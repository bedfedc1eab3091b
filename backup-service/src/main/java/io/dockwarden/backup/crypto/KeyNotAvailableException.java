package io.dockwarden.backup.crypto;

/** An object was encrypted with a key this service does not have. */
public class KeyNotAvailableException extends AuthenticationException {

    private final String keyId;

    public KeyNotAvailableException(String keyId, java.util.List<String> configured) {
        super("the object was encrypted with key id " + keyId + ", which is not configured (configured key ids: "
                + (configured.isEmpty() ? "none" : String.join(", ", configured)) + ")");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
