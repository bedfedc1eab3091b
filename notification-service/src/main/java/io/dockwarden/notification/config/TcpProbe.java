package io.dockwarden.notification.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health of a dependency reached over TCP (the SMTP server, the S3 archive): whether it accepts connections. */
final class TcpProbe implements HealthIndicator {

    private final String host;
    private final int port;
    private final int timeoutMillis;

    TcpProbe(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Health health() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return Health.up().withDetail("address", host + ":" + port).build();
        } catch (IOException e) {
            return Health.down().withDetail("address", host + ":" + port)
                    .withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
