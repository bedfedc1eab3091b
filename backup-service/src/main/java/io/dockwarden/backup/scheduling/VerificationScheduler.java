package io.dockwarden.backup.scheduling;

import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.commands.CommandPublisher;
import io.dockwarden.backup.ports.VolumeEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;

/**
 * On its schedule (weekly by default), requests the verification of the latest backup of every volume of this engine;
 * the request id is derived from the backup and the scheduled instant, so several instances request it once.
 */
final class VerificationScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerificationScheduler.class);

    private final TaskScheduler scheduler;
    private final CommandPublisher publisher;
    private final BackupCatalog catalog;
    private final VolumeEngine engine;
    private final CronExpression cron;
    private final ZoneId zone;
    private final Clock clock;
    private volatile boolean running;
    private volatile @Nullable Instant nextRun;

    VerificationScheduler(TaskScheduler scheduler, CommandPublisher publisher, BackupCatalog catalog,
            VolumeEngine engine, String schedule, ZoneId zone, Clock clock) {
        this.scheduler = scheduler;
        this.publisher = publisher;
        this.catalog = catalog;
        this.engine = engine;
        this.cron = Crons.parse(schedule);
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        planNext();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Nullable Instant nextRun() {
        return nextRun;
    }

    private void planNext() {
        if (!running) {
            return;
        }
        ZonedDateTime next = cron.next(ZonedDateTime.now(clock.withZone(zone)));
        if (next == null) {
            return;
        }
        Instant at = next.toInstant();
        nextRun = at;
        scheduler.schedule(() -> {
            try {
                verifyLatest(at);
            } finally {
                planNext();
            }
        }, at);
    }

    /** Requests the verification of the latest backup of each volume; returns how many were requested. */
    int verifyLatest(Instant scheduledAt) {
        try {
            String host = engine.hostId();
            Map<String, BackupManifest> latest = new LinkedHashMap<>();
            for (BackupManifest manifest : catalog.ofHost(host)) {
                latest.putIfAbsent(manifest.volumeName(), manifest);
            }
            latest.values().forEach(manifest -> publisher.requestVerification("verify:" + manifest.backupId() + "@"
                    + scheduledAt, manifest.backupId(), host, manifest.volumeName(), "schedule", scheduledAt));
            log.info("Requested verification of the latest backup of {} volume(s)", latest.size());
            return latest.size();
        } catch (RuntimeException e) {
            log.error("Scheduled verification at {} could not be requested: {}", scheduledAt, e.getMessage());
            return 0;
        }
    }
}
