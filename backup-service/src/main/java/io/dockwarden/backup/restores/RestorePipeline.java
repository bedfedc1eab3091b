package io.dockwarden.backup.restores;

import io.dockwarden.backup.backups.BackupObserver;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.ports.EventSink;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.events.EventData;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A restore in one step: the manifest, then every chunk of the archive authenticated and every hash checked while
 * reading to nowhere, and only then the target prepared and written. So a tampered or truncated object, a wrong key or a
 * missing manifest fails with a clear reason and leaves the target untouched. A write that fails for a reason that may
 * pass is tried again from an emptied target.
 */
public final class RestorePipeline {

    private static final Logger log = LoggerFactory.getLogger(RestorePipeline.class);
    public static final String RESTORED_FROM_LABEL = "io.dockwarden.backup.restored-from";

    private final VolumeEngine engine;
    private final BackupCatalog catalog;
    private final BackupReader reader;
    private final PrepareTarget prepare;
    private final WriteArchive write;
    private final EventSink events;
    private final Retrying retrying;
    private final BackupObserver observer;
    private final Clock clock;

    public RestorePipeline(VolumeEngine engine, BackupCatalog catalog, BackupReader reader, EventSink events,
            Retrying retrying, BackupObserver observer, Clock clock) {
        this.engine = engine;
        this.catalog = catalog;
        this.reader = reader;
        this.prepare = new PrepareTarget(engine, retrying);
        this.write = new WriteArchive(engine, reader);
        this.events = events;
        this.retrying = retrying;
        this.observer = observer;
        this.clock = clock;
    }

    /**
     * What a restore wrote.
     *
     * @param manifest the backup restored
     * @param entries entries written
     * @param tarBytes plain tar bytes written
     */
    public record Restored(BackupManifest manifest, long entries, long tarBytes) {
    }

    /** Restores and publishes the outcome; returns the outcome event. */
    public EventData run(RestoreRequest request) {
        Instant started = clock.instant();
        try {
            BackupManifest manifest = manifest(request.backupId());
            Restored restored = restore(manifest, request.volumeName(), request.mode(),
                    Map.of(RESTORED_FROM_LABEL, manifest.backupId()));
            Instant completedAt = clock.instant();
            RestoreCompleted completed = new RestoreCompleted(request.restoreId(), request.requestId(),
                    request.backupId(), request.hostId(), request.volumeName(), request.mode().label(), completedAt,
                    Duration.between(started, completedAt).toMillis(), restored.entries(), restored.tarBytes());
            events.publish(completed, request.restoreId() + ":completed", completedAt);
            observer.outcome(completed);
            log.info("Restored backup {} into volume {} ({}): {} entries", request.backupId(), request.volumeName(),
                    request.mode().label(), restored.entries());
            return completed;
        } catch (RestoreFailure failure) {
            Instant failedAt = clock.instant();
            RestoreFailed failed = new RestoreFailed(request.restoreId(), request.requestId(), request.backupId(),
                    request.hostId(), request.volumeName(), request.mode().label(), failedAt, failure.step().label(),
                    failure.getMessage(), failure.retryable());
            events.publish(failed, request.restoreId() + ":failed", failedAt);
            observer.outcome(failed);
            log.warn("Restore of backup {} into volume {} failed in step {}: {}", request.backupId(),
                    request.volumeName(), failure.step().label(), failure.getMessage());
            return failed;
        }
    }

    /**
     * The manifest of a backup.
     *
     * @throws RestoreFailure (manifest) if there is none
     */
    public BackupManifest manifest(String backupId) {
        try {
            return retrying.call("finding backup " + backupId, () -> catalog.find(backupId))
                    .orElseThrow(() -> new RestoreFailure(RestoreStep.MANIFEST, "backup " + backupId
                            + " has no manifest: it does not exist or never completed", false));
        } catch (RestoreFailure failure) {
            throw failure;
        } catch (RuntimeException e) {
            throw new RestoreFailure(RestoreStep.MANIFEST, "reading the manifest of " + backupId + " failed: "
                    + e.getMessage(), Retrying.isRetryable(e), e);
        }
    }

    /**
     * Restores a backup into a volume without publishing anything (verification uses it for its scratch volume).
     *
     * @throws RestoreFailure with the step and reason; the target is untouched unless the step is write
     */
    public Restored restore(BackupManifest manifest, String volumeName, RestoreMode mode, Map<String, String> labels) {
        reader.checkKey(manifest);
        prepare.check(volumeName, mode);
        BackupReader.Authenticated authenticated = authenticate(manifest);
        for (int attempt = 1; ; attempt++) {
            PrepareTarget.Prepared prepared = prepare.prepare(volumeName, attempt == 1 ? mode : RestoreMode.REPLACE,
                    labels);
            List<String> restartProblems = List.of();
            try {
                long tarBytes = write.write(manifest, authenticated.etag(), volumeName);
                restartProblems = prepare.restart(prepared.stopped());
                if (!restartProblems.isEmpty()) {
                    throw new RestoreFailure(RestoreStep.WRITE, "the volume was restored, but "
                            + String.join("; ", restartProblems), false);
                }
                return new Restored(manifest, authenticated.entries(), tarBytes);
            } catch (RestoreFailure failure) {
                if (restartProblems.isEmpty()) {
                    prepare.restart(prepared.stopped());
                }
                boolean again = failure.retryable() && failure.step() != RestoreStep.AUTHENTICATE
                        && attempt < retrying.policy().maxAttempts();
                if (!again) {
                    if (prepared.created() && failure.step() == RestoreStep.WRITE && restartProblems.isEmpty()) {
                        removeQuietly(volumeName);
                    }
                    throw failure;
                }
                Duration backoff = retrying.policy().backoffAfter(attempt);
                log.warn("Restore into {}: attempt {} failed in step {}, retrying in {} ms: {}", volumeName, attempt,
                        failure.step().label(), backoff.toMillis(), failure.getMessage());
                log.debug("Restore attempt failure", failure);
                retrying.pause(backoff);
            }
        }
    }

    private BackupReader.Authenticated authenticate(BackupManifest manifest) {
        for (int attempt = 1; ; attempt++) {
            try {
                return reader.authenticate(manifest);
            } catch (RestoreFailure failure) {
                if (!failure.retryable() || attempt >= retrying.policy().maxAttempts()) {
                    throw failure;
                }
                Duration backoff = retrying.policy().backoffAfter(attempt);
                log.warn("Authenticating backup {}: attempt {} failed, retrying in {} ms: {}", manifest.backupId(),
                        attempt, backoff.toMillis(), failure.getMessage());
                retrying.pause(backoff);
            }
        }
    }

    private void removeQuietly(String volumeName) {
        try {
            engine.removeVolume(volumeName);
        } catch (RuntimeException e) {
            log.warn("Could not remove volume {} after a failed restore: {}", volumeName, e.getMessage());
        }
    }
}
