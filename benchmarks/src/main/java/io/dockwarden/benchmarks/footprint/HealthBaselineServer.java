package io.dockwarden.benchmarks.footprint;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The footprint's baseline: a JVM that does nothing but answer {@code /actuator/health} with UP, started with the
 * services' JVM options. What a service costs beyond it is what its frameworks and work cost.
 */
public final class HealthBaselineServer {

    private HealthBaselineServer() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 16);
        byte[] up = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/actuator/health", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, up.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(up);
            }
        });
        server.start();
    }
}
