package io.dockwarden.backup;

import io.dockwarden.backup.backups.LeftoverCleanup;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.StorageLayout;
import io.dockwarden.backup.ports.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sweeps what failures and crashes leave in the bucket: first the leftovers of failed attempts that could not be
 * cleaned during an outage, then incomplete multipart uploads and manifest-less backup folders older than
 * {@code dockwarden.backup.cleanup.orphan-age} (younger ones may belong to a backup under way on another instance). The
 * full sweep lists the whole prefix, so it runs at most once per {@link #FULL_SWEEP_EVERY}.
 */
@Component
class Housekeeping implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    static final java.time.Duration FULL_SWEEP_EVERY = java.time.Duration.ofHours(1);

    private final LeftoverCleanup leftovers;
    private final ObjectStore store;
    private final BackupCatalog catalog;
    private final StorageLayout layout;
    private final BackupProperties properties;
    private final Clock clock;
    private Instant lastFullSweep = Instant.EPOCH;

    Housekeeping(LeftoverCleanup leftovers, ObjectStore store, BackupCatalog catalog, StorageLayout layout,
            BackupProperties properties, Clock clock) {
        this.leftovers = leftovers;
        this.store = store;
        this.catalog = catalog;
        this.layout = layout;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.cleanup().interval());
    }

    void sweep() {
        leftovers.retryPending();
        Instant now = clock.instant();
        if (!leftovers.pending().isEmpty() || now.isBefore(lastFullSweep.plus(FULL_SWEEP_EVERY))) {
            return;
        }
        lastFullSweep = now;
        Instant limit = now.minus(properties.cleanup().orphanAge());
        try {
            for (ObjectStore.IncompleteUpload upload : store.incompleteUploads(layout.prefix())) {
                if (upload.initiated().isBefore(limit)) {
                    store.abort(upload);
                    log.info("Aborted orphan upload {} of {} started {}", upload.uploadId(), upload.key(),
                            upload.initiated());
                }
            }
            for (String folder : catalog.orphanFolders(limit)) {
                catalog.deleteFolder(folder);
                log.info("Removed backup folder {}: it has no manifest and is older than {}", folder,
                        properties.cleanup().orphanAge());
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping the bucket failed, will try again: {}", e.getMessage());
        }
    }
}
