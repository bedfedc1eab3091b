package io.dockwarden.backup.docker;

import io.dockwarden.backup.BackupProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Removes helper containers a crash left behind, once they are older than the orphan age. */
@Component
class HelperSweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HelperSweep.class);

    private final DockerVolumeEngine engine;
    private final BackupProperties properties;

    HelperSweep(DockerVolumeEngine engine, BackupProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.cleanup().interval());
    }

    void sweep() {
        try {
            int removed = engine.removeStaleHelpers(properties.cleanup().orphanAge());
            if (removed > 0) {
                log.info("Removed {} helper container(s) older than {}", removed, properties.cleanup().orphanAge());
            }
        } catch (RuntimeException e) {
            log.debug("Sweeping helper containers failed: {}", e.getMessage());
        }
    }
}
