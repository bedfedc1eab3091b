package io.dockwarden.backup.backups;

import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.ports.Retrying;

/** Step 5: writes the manifest, last: until it is written the backup does not exist. */
public final class CommitManifest {

    private final BackupCatalog catalog;
    private final Retrying retrying;

    public CommitManifest(BackupCatalog catalog, Retrying retrying) {
        this.catalog = catalog;
        this.retrying = retrying;
    }

    public void commit(BackupManifest manifest) {
        try {
            retrying.run("writing the manifest of " + manifest.backupId(), () -> catalog.write(manifest));
        } catch (RuntimeException e) {
            throw new StepFailure(Step.COMMIT, "writing the manifest failed: " + e.getMessage(),
                    Retrying.isRetryable(e), e);
        }
    }
}
