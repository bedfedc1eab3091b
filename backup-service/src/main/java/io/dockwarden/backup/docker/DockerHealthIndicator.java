package io.dockwarden.backup.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import io.dockwarden.backup.BackupProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the engine answers and has the helper image: without it no backup can be read. */
class DockerHealthIndicator extends AbstractHealthIndicator {

    private final DockerClient client;
    private final BackupProperties properties;

    DockerHealthIndicator(DockerClient client, BackupProperties properties) {
        super("Docker engine health check failed");
        this.client = client;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Info info = client.infoCmd().exec();
        builder.withDetail("engine", properties.docker().host())
                .withDetail("serverVersion", String.valueOf(info.getServerVersion()))
                .withDetail("hostId", properties.hostId() != null ? properties.hostId() : String.valueOf(info.getId()))
                .withDetail("helperImage", properties.helper().image());
        try {
            client.inspectImageCmd(properties.helper().image()).exec();
            builder.up().withDetail("helperImagePresent", true);
        } catch (NotFoundException missing) {
            builder.down().withDetail("helperImagePresent", false)
                    .withDetail("problem", "helper image " + properties.helper().image()
                            + " is not on the engine; load it or set dockwarden.backup.helper.image");
        }
    }
}
