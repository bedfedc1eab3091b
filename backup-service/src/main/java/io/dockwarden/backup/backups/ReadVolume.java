package io.dockwarden.backup.backups;

import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;

/**
 * Step 2: opens the volume's archive stream through a never-started helper container that mounts it read-only; the
 * application's own containers are never read from, so the engine's lock on the helper blocks nothing else.
 */
public final class ReadVolume {

    private final VolumeEngine engine;
    private final Retrying retrying;

    public ReadVolume(VolumeEngine engine, Retrying retrying) {
        this.engine = engine;
        this.retrying = retrying;
    }

    public VolumeEngine.ArchiveStream open(String volumeName) {
        try {
            return retrying.call("opening the archive of " + volumeName, () -> engine.openArchive(volumeName));
        } catch (RuntimeException e) {
            throw new StepFailure(Step.READ, "reading volume " + volumeName + " failed: " + e.getMessage(),
                    Retrying.isRetryable(e), e);
        }
    }
}
