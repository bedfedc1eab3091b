package io.dockwarden.backup.scheduling;

import io.dockwarden.backup.BackupProperties;
import io.dockwarden.backup.backups.BackupSettings;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.commands.CommandPublisher;
import io.dockwarden.backup.policy.MountingContainer;
import io.dockwarden.backup.policy.VolumeView;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.events.EventData;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeRemoved;
import io.dockwarden.events.volume.VolumeSnapshot;
import io.dockwarden.stream.InboundEvents;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Policies and schedules: the {@code volumeEvents} binding on {@code dockwarden.inventory.volume-events}, periodic
 * scans of the engine, and the backup and verification schedulers.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    @Bean
    PolicyRegistry policyRegistry(BackupSettings settings, Clock clock) {
        return new PolicyRegistry(settings.defaults(), clock);
    }

    @Bean
    BackupScheduler backupScheduler(PolicyRegistry registry, TaskScheduler taskScheduler, CommandPublisher publisher,
            VolumeEngine engine, BackupProperties properties, Clock clock) {
        return new BackupScheduler(registry, taskScheduler, publisher, engine, properties.defaults().zone(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "dockwarden.backup.verification.enabled", havingValue = "true",
            matchIfMissing = true)
    VerificationScheduler verificationScheduler(TaskScheduler taskScheduler, CommandPublisher publisher,
            BackupCatalog catalog, VolumeEngine engine, BackupProperties properties, Clock clock) {
        return new VerificationScheduler(taskScheduler, publisher, catalog, engine,
                properties.verification().schedule(), properties.defaults().zone(), clock);
    }

    /** Scans the engine at startup and then every {@code dockwarden.backup.policies.rescan-interval}. */
    @Bean
    SchedulingConfigurer policyScans(PolicyRegistry registry, VolumeEngine engine, BackupProperties properties) {
        return (ScheduledTaskRegistrar registrar) -> registrar.addFixedDelayTask(() -> {
            try {
                registry.replaceAll(engine.volumes(), "scan");
            } catch (RuntimeException e) {
                log.warn("Scanning the engine's volumes failed, will try again: {}", e.getMessage());
            }
        }, properties.policies().rescanInterval());
    }

    @Bean
    Consumer<Message<byte[]>> volumeEvents(InboundEvents inbound, PolicyRegistry registry, VolumeEngine engine) {
        return message -> {
            EventData data = inbound.decode(message).data();
            if (data instanceof VolumeObserved observed && observed.hostId().equals(engine.hostId())) {
                registry.update(viewOf(observed.volume()), "event");
            } else if (data instanceof VolumeRemoved removed && removed.hostId().equals(engine.hostId())) {
                registry.remove(removed.volumeName());
            }
        };
    }

    static VolumeView viewOf(VolumeSnapshot snapshot) {
        return new VolumeView(snapshot.name(), snapshot.driver(), snapshot.labels(), snapshot.mountedBy().stream()
                .map(c -> new MountingContainer(c.containerId(), c.containerName(), c.running(), false, c.labels()))
                .toList());
    }
}
