package io.dockwarden.notification.secrets;

/**
 * A credential (webhook signing secret, SMTP password, S3 secret key) that never prints itself: {@link #toString()}
 * masks it, so a configuration record, a log line or an exception message that includes it shows {@code ******}.
 *
 * @param value the secret itself; read it only where it is used
 */
public record Secret(String value) {

    public static final String MASK = "******";

    public Secret {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
    }

    @Override
    public String toString() {
        return MASK;
    }
}
