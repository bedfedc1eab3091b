package io.dockwarden.backup.backups;

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
 */
public final class LeftoverCleanup {

    private static final Logger log = LoggerFactory.getLogger(LeftoverCleanup.class);

    private final ObjectStore store;
    private final Retrying retrying;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

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

    /** Tries the remembered folders again, once each. */
    public void retryPending() {
        for (String folder : List.copyOf(pending)) {
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
        for (ObjectStore.ObjectSummary object : store.list(folder)) {
            store.delete(object.key());
        }
    }
}
