package io.dockwarden.backup.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.dockwarden.backup.BackupProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The docker-java client and the engine adapter. */
@Configuration(proxyBeanMethods = false)
class DockerConfiguration {

    @Bean(destroyMethod = "close")
    DockerHttpClient dockerHttpClient(BackupProperties properties) {
        BackupProperties.Docker docker = properties.docker();
        DefaultDockerClientConfig config = clientConfig(docker);
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(docker.host()))
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(docker.connectTimeout())
                .responseTimeout(docker.responseTimeout())
                .build();
    }

    @Bean
    DockerClient dockerClient(BackupProperties properties, DockerHttpClient http) {
        return DockerClientImpl.getInstance(clientConfig(properties.docker()), http);
    }

    @Bean
    DockerVolumeEngine volumeEngine(DockerClient client, BackupProperties properties) {
        return new DockerVolumeEngine(client, properties.helper(), properties.hostId());
    }

    @Bean
    DockerHealthIndicator dockerHealthIndicator(DockerClient client, BackupProperties properties) {
        return new DockerHealthIndicator(client, properties);
    }

    private static DefaultDockerClientConfig clientConfig(BackupProperties.Docker docker) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(docker.host())
                .withDockerTlsVerify(docker.tlsVerify());
        if (docker.certPath() != null) {
            builder.withDockerCertPath(docker.certPath());
        }
        return builder.build();
    }
}
