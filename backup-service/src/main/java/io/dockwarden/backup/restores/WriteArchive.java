package io.dockwarden.backup.restores;

import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import java.io.IOException;

/**
 * Streams the authenticated backup into the target volume through a helper container, reading the very object that
 * was authenticated (same ETag), and checks the tar's hash once more as it passes.
 */
public final class WriteArchive {

    private final VolumeEngine engine;
    private final BackupReader reader;

    public WriteArchive(VolumeEngine engine, BackupReader reader) {
        this.engine = engine;
        this.reader = reader;
    }

    /** Writes the backup; returns the plain tar bytes written. */
    public long write(BackupManifest manifest, String etag, String volumeName) {
        try (BackupReader.TarStream tar = reader.openTar(manifest, etag)) {
            try {
                // The engine's client closes the body it sent; the checks below still need to read the rest.
                engine.writeArchive(volumeName, new java.io.FilterInputStream(tar.stream()) {
                    @Override
                    public void close() {
                        // Closed with the tar stream, once the checks are done.
                    }
                });
            } catch (RuntimeException e) {
                throw new RestoreFailure(RestoreStep.WRITE, "writing into volume " + volumeName + " failed: "
                        + e.getMessage(), Retrying.isRetryable(e), e);
            }
            tar.finish();
            return tar.tarBytes();
        } catch (RestoreFailure failure) {
            if (failure.step() == RestoreStep.AUTHENTICATE) {
                throw new RestoreFailure(RestoreStep.WRITE, "the archive changed after it was authenticated: "
                        + failure.getMessage(), false, failure);
            }
            throw failure;
        } catch (IOException e) {
            throw new RestoreFailure(RestoreStep.WRITE, "writing into volume " + volumeName + " failed: "
                    + e.getMessage(), true, e);
        }
    }
}
