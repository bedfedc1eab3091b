package io.dockwarden.backup.crypto;

import java.io.IOException;

/**
 * A stored object failed authentication: it was modified, cut short, reordered, belongs to another backup, or was
 * encrypted with another key. Nothing it produced may be used.
 */
public class AuthenticationException extends IOException {

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
