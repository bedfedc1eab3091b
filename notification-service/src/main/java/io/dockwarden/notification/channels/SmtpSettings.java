package io.dockwarden.notification.channels;

import io.dockwarden.notification.secrets.Secret;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP server an e-mail integration uses: its own settings over the service-wide defaults.
 *
 * @param host server host
 * @param port server port
 * @param username user, if the server wants authentication
 * @param password password
 * @param startTls require STARTTLS
 * @param tls TLS from the start (SMTPS)
 * @param from sender address
 * @param timeout connect, read and write timeout
 */
public record SmtpSettings(String host, int port, @Nullable String username, @Nullable Secret password,
        boolean startTls, boolean tls, String from, Duration timeout) {
}
