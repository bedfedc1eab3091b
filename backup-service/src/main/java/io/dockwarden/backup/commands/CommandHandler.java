package io.dockwarden.backup.commands;

import io.dockwarden.backup.backups.BackupPipeline;
import io.dockwarden.backup.backups.BackupRequest;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupId;
import io.dockwarden.backup.catalog.CatalogJson;
import io.dockwarden.backup.catalog.OperationRecord;
import io.dockwarden.backup.catalog.OperationRecords;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.backup.restores.RestoreMode;
import io.dockwarden.backup.restores.RestorePipeline;
import io.dockwarden.backup.restores.RestoreRequest;
import io.dockwarden.backup.verification.VerificationRequest;
import io.dockwarden.backup.verification.VerifyBackup;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreRequested;
import io.dockwarden.events.backup.VerificationRequested;
import io.dockwarden.events.codec.Envelope;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each command once. A command for another engine is left to the instance of that engine. A command already
 * handled (same request, seen here or recorded in the bucket by any instance, before or after a restart) changes
 * nothing and publishes nothing. Work on one volume is serialised here as well as by the topic's partitioning.
 */
final class CommandHandler {

    static final String BACKUP = "backup";
    static final String RESTORE = "restore";
    static final String VERIFICATION = "verification";

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);
    private static final int REMEMBERED = 10_000;

    private final VolumeEngine engine;
    private final BackupCatalog catalog;
    private final OperationRecords records;
    private final BackupPipeline backups;
    private final RestorePipeline restores;
    private final VerifyBackup verifications;
    private final Operations operations;
    private final Clock clock;
    private final Map<String, ReentrantLock> volumeLocks = new ConcurrentHashMap<>();
    private final Set<String> handled = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    CommandHandler(VolumeEngine engine, BackupCatalog catalog, OperationRecords records, BackupPipeline backups,
            RestorePipeline restores, VerifyBackup verifications, Operations operations, Clock clock) {
        this.engine = engine;
        this.catalog = catalog;
        this.records = records;
        this.backups = backups;
        this.restores = restores;
        this.verifications = verifications;
        this.operations = operations;
        this.clock = clock;
    }

    void handle(Envelope<? extends EventData> envelope) {
        EventData data = envelope.data();
        if (data instanceof BackupRequested request) {
            backup(envelope.id(), request);
        } else if (data instanceof RestoreRequested request) {
            restore(envelope.id(), request);
        } else if (data instanceof VerificationRequested request) {
            verify(envelope.id(), request);
        } else {
            log.debug("Ignoring {} on the commands topic", envelope.type());
        }
    }

    private void backup(String eventId, BackupRequested request) {
        if (!forThisHost(request.hostId(), eventId)) {
            return;
        }
        String backupId = BackupId.of(BACKUP, request.requestId(), request.requestedAt());
        BackupRequest backup = new BackupRequest(request.requestId(), backupId, request.hostId(),
                request.volumeName(), triggerOf(request.requestedBy()), request.requestedBy(), request.reason());
        once(eventId, request.requestId(), BACKUP, backupId, request.volumeName(), backupId, request.volumeName(), () -> {
            if (catalog.exists(request.hostId(), request.volumeName(), backupId)) {
                log.info("Backup {} already exists; request {} changes nothing", backupId, request.requestId());
                return null;
            }
            return backups.run(backup);
        });
    }

    private void restore(String eventId, RestoreRequested request) {
        if (!forThisHost(request.hostId(), eventId)) {
            return;
        }
        String restoreId = BackupId.of(RESTORE, request.requestId(), request.requestedAt());
        RestoreRequest restore = new RestoreRequest(request.requestId(), restoreId, request.backupId(),
                request.hostId(), request.volumeName(), RestoreMode.of(request.mode()), request.requestedBy());
        once(eventId, request.requestId(), RESTORE, restoreId, request.volumeName(), request.backupId(),
                request.volumeName(), () -> restores.run(restore));
    }

    private void verify(String eventId, VerificationRequested request) {
        if (!forThisHost(request.hostId(), eventId)) {
            return;
        }
        String verificationId = BackupId.of(VERIFICATION, request.requestId(), request.requestedAt());
        VerificationRequest verification = new VerificationRequest(request.requestId(), verificationId,
                request.backupId(), request.hostId(), request.volumeName(), request.requestedBy());
        once(eventId, request.requestId(), VERIFICATION, verificationId, request.volumeName(), request.backupId(),
                VerifyBackup.scratchVolume(verificationId), () -> verifications.run(verification));
    }

    private void once(String eventId, String requestId, String kind, String id, String volumeName, String backupId,
            String lockedVolume, Supplier<EventData> work) {
        if (handled.contains(eventId) || handled.contains(requestId)) {
            log.info("{} {} (request {}) was handled already; redelivery changes nothing", kind, id, requestId);
            return;
        }
        ReentrantLock lock = volumeLocks.computeIfAbsent(lockedVolume, ignored -> new ReentrantLock());
        lock.lock();
        try {
            if (records.find(requestId).isPresent()) {
                log.info("{} {} (request {}) is recorded as done; redelivery changes nothing", kind, id, requestId);
                remember(eventId, requestId);
                return;
            }
            operations.update(new Operations.Status(id, kind, requestId, volumeName, backupId,
                    Operations.State.RUNNING, clock.instant(), null));
            EventData outcome = work.get();
            if (outcome == null) {
                operations.update(new Operations.Status(id, kind, requestId, volumeName, backupId,
                        Operations.State.SKIPPED, clock.instant(), null));
                remember(eventId, requestId);
                return;
            }
            boolean ok = outcome instanceof BackupCompleted || outcome instanceof RestoreCompleted
                    || (outcome instanceof BackupVerified verified && verified.ok());
            operations.update(new Operations.Status(id, kind, requestId, volumeName, backupId,
                    ok ? Operations.State.COMPLETED : Operations.State.FAILED, clock.instant(), outcome));
            record(requestId, kind, id, ok, outcome);
            remember(eventId, requestId);
        } finally {
            lock.unlock();
        }
    }

    private void record(String requestId, String kind, String id, boolean ok, EventData outcome) {
        Instant now = clock.instant();
        try {
            records.save(new OperationRecord(requestId, kind, id, ok ? "completed" : "failed", now,
                    EventCatalog.of(outcome).type(), CatalogJson.mapper().valueToTree(outcome)));
        } catch (RuntimeException e) {
            // The outcome is published already; without the record only this instance knows it was handled.
            log.error("Could not record the outcome of request {}: {}", requestId, e.getMessage());
        }
    }

    private void remember(String eventId, String requestId) {
        handled.add(eventId);
        handled.add(requestId);
    }

    private boolean forThisHost(String hostId, String eventId) {
        String mine = engine.hostId();
        if (!mine.equals(hostId)) {
            log.debug("Command {} is for host {}, this instance serves {}", eventId, hostId, mine);
            return false;
        }
        return true;
    }

    static String triggerOf(String requestedBy) {
        if (requestedBy.equals("schedule")) {
            return "schedule";
        }
        if (requestedBy.equals("api") || requestedBy.startsWith("api:")) {
            return "api";
        }
        if (requestedBy.equals("event") || requestedBy.startsWith("event:")) {
            return "event";
        }
        return "command";
    }
}
