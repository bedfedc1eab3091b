package io.dockwarden.inventory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.DockerClientConfig;
import io.dockwarden.inventory.InventoryProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConnectionTest {

    @Test
    void talksPlainToAUnixSocket() {
        DockerClientConfig config = DockerConnection.config(settings("unix:///var/run/docker.sock", false, null));

        assertThat(config.getDockerHost().toString()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(config.getSSLConfig()).isNull();
    }

    @Test
    void usesTheClientCertificatesOfTheCertPathForTls(@TempDir Path certs) {
        DockerClientConfig config = DockerConnection.config(settings("tcp://docker.example:2376", true,
                certs.toString()));

        assertThat(config.getDockerHost().toString()).isEqualTo("tcp://docker.example:2376");
        assertThat(config.getSSLConfig()).isNotNull();
        assertThat(config.getSSLConfig().toString()).contains(certs.toString());
    }

    @Test
    void speaksTheConfiguredApiVersion() {
        InventoryProperties.Docker settings = new InventoryProperties.Docker("unix:///var/run/docker.sock", false,
                null, "1.41", Duration.ofSeconds(5), Duration.ofSeconds(60), 4);

        assertThat(DockerConnection.config(settings).getApiVersion().getVersion()).isEqualTo("1.41");
    }

    private static InventoryProperties.Docker settings(String host, boolean tls, String certPath) {
        return new InventoryProperties.Docker(host, tls, certPath, null, Duration.ofSeconds(5), Duration.ofSeconds(60),
                4);
    }
}
