package io.dockwarden.backup.verification;

import io.dockwarden.backup.archive.ListingComparison;
import io.dockwarden.backup.archive.VolumeArchive;
import io.dockwarden.backup.backups.BackupObserver;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.ports.EventSink;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.backup.restores.BackupReader;
import io.dockwarden.backup.restores.RestoreFailure;
import io.dockwarden.backup.restores.RestoreMode;
import io.dockwarden.backup.restores.RestorePipeline;
import io.dockwarden.events.backup.BackupVerified;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves a backup good the only way that counts: restores it into a scratch volume, reads that volume back through the
 * engine and compares every entry (path, type, size, mode, owner, link target, SHA-256 of content) with the listing
 * recorded at backup time. The scratch volume is removed afterwards, whatever happened.
 */
public final class VerifyBackup {

    private static final Logger log = LoggerFactory.getLogger(VerifyBackup.class);
    public static final String SCRATCH_LABEL = "io.dockwarden.backup.scratch";

    private final VolumeEngine engine;
    private final RestorePipeline restores;
    private final BackupReader reader;
    private final EventSink events;
    private final BackupObserver observer;
    private final Map<String, String> scratchLabels;
    private final int maxMismatches;
    private final Clock clock;

    public VerifyBackup(VolumeEngine engine, RestorePipeline restores, BackupReader reader, EventSink events,
            BackupObserver observer, Map<String, String> scratchLabels, int maxMismatches, Clock clock) {
        this.engine = engine;
        this.restores = restores;
        this.reader = reader;
        this.events = events;
        this.observer = observer;
        this.scratchLabels = Map.copyOf(scratchLabels);
        this.maxMismatches = maxMismatches;
        this.clock = clock;
    }

    /** The scratch volume of a verification. */
    public static String scratchVolume(String verificationId) {
        return "dockwarden-verify-" + verificationId.toLowerCase(java.util.Locale.ROOT);
    }

    /** Verifies and publishes {@code verified}; returns the event. */
    public BackupVerified run(VerificationRequest request) {
        String scratch = scratchVolume(request.verificationId());
        BackupVerified verified;
        try {
            BackupManifest manifest = restores.manifest(request.backupId());
            Map<String, String> labels = new HashMap<>(scratchLabels);
            labels.put(SCRATCH_LABEL, request.verificationId());
            restores.restore(manifest, scratch, RestoreMode.NEW, labels);
            ListingComparison.Result result = compare(manifest, scratch);
            verified = new BackupVerified(request.backupId(), request.requestId(), request.hostId(),
                    request.volumeName(), clock.instant(), result.matches(), result.compared(),
                    result.mismatches().stream().map(m -> new BackupVerified.Mismatch(m.path(), m.problem()))
                            .toList(),
                    result.matches() ? null : result.mismatchCount() + " of " + result.compared()
                            + " entries differ from the listing recorded at backup time");
        } catch (RestoreFailure failure) {
            verified = new BackupVerified(request.backupId(), request.requestId(), request.hostId(),
                    request.volumeName(), clock.instant(), false, 0, List.of(),
                    "the backup could not be restored (" + failure.step().label() + "): " + failure.getMessage());
        } catch (VerificationFailure failure) {
            verified = new BackupVerified(request.backupId(), request.requestId(), request.hostId(),
                    request.volumeName(), clock.instant(), false, 0, List.of(), failure.getMessage());
        } finally {
            // Removed whatever happened; a restore that failed before writing never made it.
            removeScratch(scratch);
        }
        Instant at = verified.verifiedAt();
        events.publish(verified, request.verificationId() + ":verified", at);
        observer.outcome(verified);
        log.info("Verification {} of backup {}: {} ({} entries compared)", request.verificationId(),
                request.backupId(), verified.ok() ? "ok" : "FAILED: " + verified.reason(), verified.filesCompared());
        return verified;
    }

    private ListingComparison.Result compare(BackupManifest manifest, String scratch) {
        try (BackupReader.Listing listing = reader.openListing(manifest);
                VolumeEngine.ArchiveStream restored = engine.openArchive(scratch)) {
            ListingComparison comparison = new ListingComparison(listing.entries(), maxMismatches);
            VolumeArchive.list(restored.stream(), comparison);
            ListingComparison.Result result = comparison.finish();
            if (result.compared() == 0) {
                throw new VerificationFailure("nothing was compared");
            }
            return result;
        } catch (UncheckedIOException e) {
            throw new VerificationFailure("the recorded listing could not be read: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw new VerificationFailure("reading the restored volume back failed: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof RestoreFailure) {
                throw e;
            }
            throw new VerificationFailure("comparing failed: " + e.getMessage() + (Retrying.isRetryable(e)
                    ? " (the engine or store may be unavailable)" : ""));
        }
    }

    private void removeScratch(String scratch) {
        try {
            if (engine.inspect(scratch).isPresent()) {
                engine.removeVolume(scratch);
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove scratch volume {}: {}", scratch, e.getMessage());
        }
    }

    /** Verification could not finish for a reason other than the restore. */
    static final class VerificationFailure extends RuntimeException {

        VerificationFailure(String message) {
            super(message);
        }
    }
}
