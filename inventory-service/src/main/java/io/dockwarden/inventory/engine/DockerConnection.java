package io.dockwarden.inventory.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.dockwarden.inventory.InventoryProperties;
import java.io.Closeable;
import java.io.IOException;

/**
 * The clients to one engine: one for requests, bounded by the response timeout, and one for the event stream, which
 * stays open as long as the engine has nothing to say. With {@code tls-verify} the engine's certificate is checked
 * against {@code ca.pem} and the client authenticates with {@code cert.pem} and {@code key.pem} from the cert path.
 */
public final class DockerConnection implements Closeable {

    private final String dockerHost;
    private final DockerClient requests;
    private final DockerClient events;
    private final boolean tls;

    public DockerConnection(InventoryProperties.Docker settings) {
        this.dockerHost = settings.host();
        DockerClientConfig config = config(settings);
        this.tls = config.getSSLConfig() != null;
        this.requests = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .build());
        this.events = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(2)
                .connectionTimeout(settings.connectTimeout())
                .build());
    }

    static DockerClientConfig config(InventoryProperties.Docker settings) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.host())
                .withDockerTlsVerify(settings.tlsVerify());
        if (settings.certPath() != null && !settings.certPath().isBlank()) {
            builder.withDockerCertPath(settings.certPath());
        }
        if (settings.apiVersion() != null && !settings.apiVersion().isBlank()) {
            builder.withApiVersion(settings.apiVersion());
        }
        return builder.build();
    }

    /** The engine's address as configured; it carries no credentials (TLS keys are files). */
    public String dockerHost() {
        return dockerHost;
    }

    /** Whether requests to this engine travel over TLS. */
    public boolean tls() {
        return tls;
    }

    public DockerClient requests() {
        return requests;
    }

    public DockerClient events() {
        return events;
    }

    @Override
    public void close() throws IOException {
        try {
            events.close();
        } finally {
            requests.close();
        }
    }
}
