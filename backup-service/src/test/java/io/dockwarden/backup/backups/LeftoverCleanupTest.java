package io.dockwarden.backup.backups;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.backup.ports.RetryPolicy;
import io.dockwarden.backup.ports.Retrying;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The S3 outage drill found a completed backup deleted after the store came back: the cleanup remembered for its
 * failed first attempt ran after the retry had written the same folder. These pin down why that cannot happen again.
 */
class LeftoverCleanupTest {

    private static final String FOLDER = "backups/host/data/20261123T190945Z-aaa6aedd106a/";

    private final Bucket bucket = new Bucket();
    private final LeftoverCleanup cleanup = new LeftoverCleanup(bucket,
            new Retrying(new RetryPolicy(2, Duration.ZERO, 1.0, Duration.ZERO), duration -> { }));

    /** What a failed attempt leaves: an archive object and the open multipart upload of another. */
    private void leftoversOfAFailedAttempt() {
        bucket.objects.put(FOLDER + "archive.tar.zst.dwae", 10L);
        bucket.uploads.add(new ObjectStore.IncompleteUpload(FOLDER + "listing.jsonl.zst.dwae", "u1", Instant.EPOCH));
    }

    /** The cleanup of the failed attempt meets the outage, so it is remembered; then the store comes back. */
    private void cleanupMeetsAnOutage() {
        bucket.down = true;
        cleanup.clean(FOLDER);
        assertThat(cleanup.pending()).containsExactly(FOLDER);
        bucket.down = false;
    }

    @Test
    void aFailedAttemptsLeftoversAreRemovedOnceTheStoreIsBack() {
        leftoversOfAFailedAttempt();
        cleanupMeetsAnOutage();

        cleanup.retryPending();
        assertThat(bucket.objects).isEmpty();
        assertThat(bucket.uploads).isEmpty();
        assertThat(cleanup.pending()).isEmpty();
    }

    @Test
    void aRememberedCleanupLeavesAFolderHeldByABackupUnderWayAlone() {
        cleanup.hold(FOLDER);
        cleanupMeetsAnOutage();
        bucket.objects.put(FOLDER + "archive.tar.zst.dwae", 10L);

        cleanup.retryPending();
        assertThat(bucket.objects).containsKey(FOLDER + "archive.tar.zst.dwae");
        assertThat(cleanup.pending()).containsExactly(FOLDER);
    }

    @Test
    void aRetryCleansTheEarlierAttemptsLeftoversBeforeWriting() {
        leftoversOfAFailedAttempt();
        cleanup.hold(FOLDER);
        cleanupMeetsAnOutage();

        cleanup.beforeRetry(FOLDER);
        assertThat(bucket.objects).isEmpty();
        assertThat(bucket.uploads).isEmpty();
        assertThat(cleanup.pending()).isEmpty();
    }

    @Test
    void aFolderWithAManifestIsACompletedBackupAndKeepsItsObjects() {
        cleanupMeetsAnOutage();
        bucket.objects.put(FOLDER + "archive.tar.zst.dwae", 10L);
        bucket.objects.put(FOLDER + "listing.jsonl.zst.dwae", 5L);
        bucket.objects.put(FOLDER + "manifest.json", 1L);
        bucket.uploads.add(new ObjectStore.IncompleteUpload(FOLDER + "archive.tar.zst.dwae", "stale", Instant.EPOCH));

        cleanup.retryPending();
        assertThat(bucket.objects).containsOnlyKeys(FOLDER + "archive.tar.zst.dwae", FOLDER + "listing.jsonl.zst.dwae",
                FOLDER + "manifest.json");
        assertThat(bucket.uploads).as("the failed attempt's open upload is still aborted").isEmpty();
        assertThat(cleanup.pending()).isEmpty();
    }

    /** Keys and sizes in memory; {@code down} makes every call fail like an unreachable store. */
    private static final class Bucket implements ObjectStore {

        final TreeMap<String, Long> objects = new TreeMap<>();
        final List<IncompleteUpload> uploads = new ArrayList<>();
        boolean down;

        private void reachable() {
            if (down) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public String bucket() {
            return "memory";
        }

        @Override
        public String upload(String key, InputStream stream, long partSize, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(String key, byte[] content, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> read(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoredObject open(String key, @Nullable String requiredEtag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ObjectSummary> list(String prefix) {
            reachable();
            return objects.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                    .map(entry -> new ObjectSummary(entry.getKey(), entry.getValue(), Instant.EPOCH)).toList();
        }

        @Override
        public void delete(String key) {
            reachable();
            objects.remove(key);
        }

        @Override
        public List<IncompleteUpload> incompleteUploads(String prefix) {
            reachable();
            return uploads.stream().filter(upload -> upload.key().startsWith(prefix)).toList();
        }

        @Override
        public void abort(IncompleteUpload upload) {
            reachable();
            uploads.remove(upload);
        }
    }
}
