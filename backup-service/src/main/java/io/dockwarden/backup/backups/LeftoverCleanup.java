package io.dockwarden.backup.backups;

import io.dockwarden.backup.catalog.StorageLayout;
import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.backup.ports.Retrying;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a failed attempt left in the bucket: open multipart uploads (hidden, billed orphans) and objects of a
 * backup that never got its manifest. When the store cannot be reached, as in an outage, the folder is remembered and
 * cleaned as soon as {@link #retryPending()} reaches the store again.
 *
 * <p>A backup's retries write to the same folder as its failed attempt, so a remembered cleanup must never catch up
 * with a later attempt: a folder {@link #hold held} by a backup under way is left to that backup, which cleans it
 * itself before its next attempt; and a folder holding a manifest is a completed backup whose objects are never
 * deleted here, whatever was remembered about it.
 */
public final class LeftoverCleanup {

    private static final Logger log = LoggerFactory.getLogger(LeftoverCleanup.class);

    private final ObjectStore store;
    private final Retrying retrying;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public LeftoverCleanup(ObjectStore store, Retrying retrying) {
        this.store = store;
        this.retrying = retrying;
    }

    /** Cleans a backup's folder now, or remembers it for later; never throws. */
    public void clean(String backupFolder) {
        try {
            retrying.run("cleaning up " + backupFolder, () -> cleanOnce(backupFolder));
            pending.remove(backupFolder);
        } catch (RuntimeException e) {
            pending.add(backupFolder);
            log.warn("Could not clean up {} yet, will retry: {}", backupFolder, e.getMessage());
        }
    }

    /** A backup under way writes to this folder: remembered cleanups leave it alone until {@link #release}. */
    public void hold(String folder) {
        held.add(folder);
    }

    public void release(String folder) {
        held.remove(folder);
    }

    /**
     * Before a retry writes to the folder again: removes what an earlier attempt left there if that could not be done
     * at the time. A failure leaves it remembered; the attempt goes on (and overwrites the same keys).
     */
    public void beforeRetry(String folder) {
        if (!pending.contains(folder)) {
            return;
        }
        try {
            cleanOnce(folder);
            pending.remove(folder);
        } catch (RuntimeException e) {
            log.debug("Cleaning up {} before a retry failed: {}", folder, e.getMessage());
        }
    }

    /** Tries the remembered folders again, once each, except those a backup under way holds. */
    public void retryPending() {
        for (String folder : List.copyOf(pending)) {
            if (held.contains(folder)) {
                continue;
            }
            try {
                cleanOnce(folder);
                pending.remove(folder);
                log.info("Cleaned up {} after the store came back", folder);
            } catch (RuntimeException e) {
                log.debug("Cleaning up {} failed again: {}", folder, e.getMessage());
            }
        }
    }

    public Set<String> pending() {
        return Set.copyOf(pending);
    }

    private void cleanOnce(String folder) {
        for (ObjectStore.IncompleteUpload upload : store.incompleteUploads(folder)) {
            store.abort(upload);
            log.info("Aborted incomplete upload {} of {}", upload.uploadId(), upload.key());
        }
        List<ObjectStore.ObjectSummary> objects = store.list(folder);
        if (objects.stream().anyMatch(object -> object.key().endsWith("/" + StorageLayout.MANIFEST))) {
            log.info("Kept {}: it holds a manifest, so a later attempt completed the backup", folder);
            return;
        }
        for (ObjectStore.ObjectSummary object : objects) {
            store.delete(object.key());
        }
    }
}
