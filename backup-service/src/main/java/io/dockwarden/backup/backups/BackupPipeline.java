package io.dockwarden.backup.backups;

import io.dockwarden.backup.archive.BoundedPipe;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.catalog.StorageLayout;
import io.dockwarden.backup.policy.BackupPolicy;
import io.dockwarden.backup.policy.InvalidPolicyException;
import io.dockwarden.backup.policy.PolicyLabels;
import io.dockwarden.backup.policy.VolumeView;
import io.dockwarden.backup.ports.EventSink;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.events.EventData;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupStarted;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup of one volume, step by step: {@link Quiesce}, {@link ReadVolume}, {@link TransformArchive} streaming into
 * {@link UploadObjects}, then {@link CommitManifest} and {@link PruneBackups}. An attempt that fails for a reason that
 * may pass (an engine or S3 outage) is cleaned up and tried again from the start after a backoff; the containers are
 * back up during the wait. Events: started, then completed or failed (with the step, the reason and whether a later
 * try may succeed), then pruned.
 */
public final class BackupPipeline {

    private static final Logger log = LoggerFactory.getLogger(BackupPipeline.class);

    private final VolumeEngine engine;
    private final BackupCatalog catalog;
    private final BackupSettings settings;
    private final Quiesce quiesce;
    private final ReadVolume read;
    private final TransformArchive transform;
    private final UploadObjects upload;
    private final CommitManifest commit;
    private final PruneBackups prune;
    private final LeftoverCleanup cleanup;
    private final EventSink events;
    private final Retrying retrying;
    private final BackupObserver observer;
    private final Clock clock;

    public BackupPipeline(VolumeEngine engine, BackupCatalog catalog, BackupSettings settings, UploadObjects upload,
            LeftoverCleanup cleanup, EventSink events, Retrying retrying, BackupObserver observer, Clock clock) {
        this.engine = engine;
        this.catalog = catalog;
        this.settings = settings;
        this.quiesce = new Quiesce(engine, retrying);
        this.read = new ReadVolume(engine, retrying);
        this.transform = new TransformArchive(settings);
        this.upload = upload;
        this.commit = new CommitManifest(catalog, retrying);
        this.prune = new PruneBackups(catalog, retrying, settings.retentionZone());
        this.cleanup = cleanup;
        this.events = events;
        this.retrying = retrying;
        this.observer = observer;
        this.clock = clock;
    }

    /** Makes the backup and publishes its events; returns the outcome event, completed or failed. */
    public EventData run(BackupRequest request) {
        Instant startedAt = clock.instant();
        events.publish(new BackupStarted(request.backupId(), request.requestId(), request.hostId(),
                request.volumeName(), request.trigger(), startedAt), request.backupId() + ":started", startedAt);
        StorageLayout layout = catalog.layout();
        String folder = layout.backupPrefix(request.hostId(), request.volumeName(), request.backupId());
        cleanup.hold(folder);
        try {
            return run(request, startedAt, layout, folder);
        } finally {
            cleanup.release(folder);
        }
    }

    private EventData run(BackupRequest request, Instant startedAt, StorageLayout layout, String folder) {
        try {
            VolumeView volume = inspect(request.volumeName());
            BackupPolicy policy = policyOf(volume);
            Attempt done = null;
            for (int attempt = 1; done == null; attempt++) {
                try {
                    if (attempt > 1) {
                        cleanup.beforeRetry(folder);
                    }
                    done = attempt(request, policy);
                } catch (StepFailure failure) {
                    cleanup.clean(folder);
                    if (!failure.retryable() || attempt >= retrying.policy().maxAttempts()) {
                        throw failure;
                    }
                    Duration backoff = retrying.policy().backoffAfter(attempt);
                    log.warn("Backup {} of {}: attempt {} failed in step {}, retrying in {} ms: {}",
                            request.backupId(), request.volumeName(), attempt, failure.step().label(),
                            backoff.toMillis(), failure.getMessage());
                    log.debug("Attempt failure", failure);
                    observer.attemptFailed(request, failure, attempt, backoff);
                    retrying.pause(backoff);
                }
            }
            Instant completedAt = clock.instant();
            BackupManifest manifest = manifest(request, volume, policy, done, startedAt, completedAt);
            try {
                commit.commit(manifest);
            } catch (StepFailure failure) {
                cleanup.clean(folder);
                throw failure;
            }
            long durationMillis = Math.max(1, Duration.between(startedAt, completedAt).toMillis());
            BackupCompleted completed = new BackupCompleted(request.backupId(), request.requestId(),
                    request.hostId(), request.volumeName(), startedAt, completedAt, durationMillis,
                    done.result().summary().entries(), done.result().tarBytes(), done.result().archiveBytes(),
                    done.result().tarBytes() * 1000 / durationMillis, done.result().tarSha256(),
                    done.result().archiveSha256(), catalog.bucket(), done.archiveKey(),
                    layout.manifestKey(request.hostId(), request.volumeName(), request.backupId()),
                    manifest.compression().algorithm(), manifest.encryption().cipher(),
                    manifest.encryption().keyId());
            events.publish(completed, request.backupId() + ":completed", completedAt);
            observer.outcome(completed);
            log.info("Backup {} of {} completed: {} entries, {} tar bytes, {} stored, {} ms", request.backupId(),
                    request.volumeName(), completed.fileCount(), completed.tarBytes(), completed.storedBytes(),
                    durationMillis);
            afterCompletion(request, policy, done);
            return completed;
        } catch (StepFailure failure) {
            Instant failedAt = clock.instant();
            BackupFailed failed = new BackupFailed(request.backupId(), request.requestId(), request.hostId(),
                    request.volumeName(), failedAt, failure.step().label(), failure.getMessage(),
                    failure.retryable());
            events.publish(failed, request.backupId() + ":failed", failedAt);
            observer.outcome(failed);
            log.warn("Backup {} of {} failed in step {}: {}", request.backupId(), request.volumeName(),
                    failure.step().label(), failure.getMessage());
            return failed;
        }
    }

    private void afterCompletion(BackupRequest request, BackupPolicy policy, Attempt done) {
        if (!done.releaseProblems().isEmpty()) {
            publishLateFailure(request, Step.QUIESCE, "backup " + request.backupId() + " completed, but "
                    + String.join("; ", done.releaseProblems()), false, ":quiesce-failed");
        }
        try {
            prune.prune(request.hostId(), request.volumeName(), policy.retention(), clock.instant())
                    .ifPresent(pruned -> {
                        events.publish(pruned, request.backupId() + ":pruned", pruned.prunedAt());
                        observer.outcome(pruned);
                    });
        } catch (StepFailure failure) {
            publishLateFailure(request, Step.PRUNE, "backup " + request.backupId() + " completed, but "
                    + failure.getMessage(), failure.retryable(), ":prune-failed");
        }
    }

    private void publishLateFailure(BackupRequest request, Step step, String reason, boolean retryable,
            String idSuffix) {
        Instant now = clock.instant();
        BackupFailed failed = new BackupFailed(request.backupId(), request.requestId(), request.hostId(),
                request.volumeName(), now, step.label(), reason, retryable);
        events.publish(failed, request.backupId() + idSuffix, now);
        observer.outcome(failed);
        log.warn("Backup {} of {}: {}", request.backupId(), request.volumeName(), reason);
    }

    private VolumeView inspect(String volumeName) {
        try {
            return retrying.call("inspecting volume " + volumeName, () -> engine.inspect(volumeName))
                    .orElseThrow(() -> new StepFailure(Step.READ, "volume " + volumeName + " does not exist", false));
        } catch (StepFailure failure) {
            throw failure;
        } catch (RuntimeException e) {
            throw new StepFailure(Step.READ, "inspecting volume " + volumeName + " failed: " + e.getMessage(),
                    Retrying.isRetryable(e), e);
        }
    }

    private BackupPolicy policyOf(VolumeView volume) {
        try {
            return PolicyLabels.resolve(volume, settings.defaults());
        } catch (InvalidPolicyException e) {
            throw new StepFailure(Step.QUIESCE, "the backup labels cannot be used: " + e.getMessage(), false, e);
        }
    }

    private record Attempt(TransformArchive.Result result, String archiveKey, String archiveEtag, String listingKey,
            List<String> quiesced, List<String> releaseProblems) {
    }

    private Attempt attempt(BackupRequest request, BackupPolicy policy) {
        StorageLayout layout = catalog.layout();
        String archiveKey = layout.archiveKey(request.hostId(), request.volumeName(), request.backupId(),
                settings.compressed(), settings.encrypted());
        String listingKey = layout.listingKey(request.hostId(), request.volumeName(), request.backupId(),
                settings.compressed(), settings.encrypted());
        Quiesce.Quiesced quiesced = quiesce.apply(policy.quiesce());
        List<String> quiescedNames = quiesced.describe();
        List<String> releaseProblems = null;
        try {
            BoundedPipe archivePipe = new BoundedPipe(settings.pipeBytes());
            BoundedPipe listingPipe = new BoundedPipe(settings.pipeBytes());
            TransformArchive.Result result;
            CompletableFuture<String> archiveUpload;
            CompletableFuture<String> listingUpload;
            try (VolumeEngine.ArchiveStream source = read.open(request.volumeName())) {
                archiveUpload = upload.start(archiveKey, archivePipe.input(), settings.partSize());
                listingUpload = upload.start(listingKey, listingPipe.input(), BackupSettings.LISTING_PART_SIZE);
                try {
                    result = transform.run(TaggedStreams.tag(source.stream(), Step.READ),
                            TaggedStreams.tag(archivePipe.output(), Step.UPLOAD),
                            TaggedStreams.tag(listingPipe.output(), Step.UPLOAD), policy.excludes(),
                            request.backupId());
                } catch (IOException | RuntimeException e) {
                    archivePipe.fail(e);
                    listingPipe.fail(e);
                    Throwable uploadFailure = firstFailure(archiveUpload, listingUpload);
                    throw classify(e, uploadFailure);
                }
            } catch (IOException closing) {
                throw new StepFailure(Step.READ, "closing the engine's archive stream failed: "
                        + closing.getMessage(), true, closing);
            } finally {
                // The volume is read: the containers can run again while the uploads finish their last parts.
                releaseProblems = quiesced.release();
            }
            String archiveEtag = await(archiveUpload, "the archive");
            await(listingUpload, "the listing");
            return new Attempt(result, archiveKey, archiveEtag, listingKey, quiescedNames, releaseProblems);
        } catch (StepFailure failure) {
            List<String> problems = releaseProblems == null ? quiesced.release() : releaseProblems;
            if (problems.isEmpty()) {
                throw failure;
            }
            throw new StepFailure(failure.step(), failure.getMessage() + "; also: " + String.join("; ", problems),
                    failure.retryable(), failure);
        }
    }

    private static StepFailure classify(Throwable failure, @Nullable Throwable uploadFailure) {
        if (failure instanceof StepFailure step) {
            return step;
        }
        Step tagged = TaggedStreams.stepOf(failure).orElse(null);
        if (uploadFailure != null && tagged != Step.READ) {
            return new StepFailure(Step.UPLOAD, "uploading to the object store failed: " + messageOf(uploadFailure),
                    Retrying.isRetryable(uploadFailure), uploadFailure);
        }
        if (tagged == Step.READ) {
            return new StepFailure(Step.READ, "reading the volume's archive from the engine failed: "
                    + messageOf(failure), true, failure);
        }
        if (tagged == Step.UPLOAD) {
            return new StepFailure(Step.UPLOAD, "the upload stopped taking data: " + messageOf(failure), true,
                    failure);
        }
        return new StepFailure(Step.TRANSFORM, "transforming the archive failed: " + messageOf(failure), false,
                failure);
    }

    private static @Nullable Throwable firstFailure(CompletableFuture<?>... uploads) {
        Throwable first = null;
        for (CompletableFuture<?> upload : uploads) {
            try {
                upload.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() == null ? e : e.getCause();
                }
            } catch (java.util.concurrent.CancellationException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        return first;
    }

    private static String await(CompletableFuture<String> upload, String what) {
        try {
            return upload.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StepFailure(Step.UPLOAD, "uploading " + what + " failed: " + messageOf(cause),
                    Retrying.isRetryable(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(Step.UPLOAD, "interrupted while uploading " + what, true, e);
        }
    }

    static String messageOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof java.io.UncheckedIOException || cause instanceof TaggedStreams.TaggedIOException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private BackupManifest manifest(BackupRequest request, VolumeView volume, BackupPolicy policy, Attempt done,
            Instant startedAt, Instant completedAt) {
        TransformArchive.Result result = done.result();
        return new BackupManifest(BackupManifest.FORMAT_VERSION, request.backupId(), request.requestId(),
                request.hostId(), request.volumeName(), volume.driver(), volume.labels(), request.trigger(),
                request.requestedBy(), startedAt, completedAt, Duration.between(startedAt, completedAt).toMillis(),
                new BackupManifest.Archive(done.archiveKey(), result.archiveBytes(), result.archiveSha256(),
                        done.archiveEtag(), result.tarBytes(), result.tarSha256(), result.summary().entries(),
                        result.summary().excluded(), result.summary().contentBytes()),
                new BackupManifest.Listing(done.listingKey(), result.listingBytes(), result.listingSha256(),
                        result.summary().entries()),
                new BackupManifest.Compression(settings.compressed() ? BackupManifest.Compression.ZSTD
                        : BackupManifest.Compression.NONE, settings.compressionLevel()),
                settings.encryptionKey() == null
                        ? new BackupManifest.Encryption(BackupManifest.Encryption.NONE, null, null, 0)
                        : new BackupManifest.Encryption(BackupManifest.Encryption.AES_256_GCM,
                                settings.encryptionKey().id(), BackupManifest.Encryption.FORMAT, settings.chunkSize()),
                policy.excludes().globs(), policy.retention().text(), new ArrayList<>(done.quiesced()),
                settings.toolVersion());
    }
}
