package io.dockwarden.backup.backups;

import com.github.luben.zstd.ZstdOutputStream;
import io.dockwarden.backup.archive.ArchiveListing;
import io.dockwarden.backup.archive.DigestingOutputStream;
import io.dockwarden.backup.archive.ExcludeFilter;
import io.dockwarden.backup.archive.VolumeArchive;
import io.dockwarden.backup.catalog.StorageLayout;
import io.dockwarden.backup.crypto.EncryptingOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Step 3: tar from the engine, then exclude filter, then zstd, then AES-256-GCM in authenticated chunks, into the
 * uploads; the per-entry listing takes the same way into its own object. SHA-256 of the plain tar and of each stored
 * object are computed on the way. Nothing touches the disk, and memory stays a few buffers whatever the volume size.
 */
public final class TransformArchive {

    private static final int BUFFER = 64 * 1024;

    private final BackupSettings settings;

    public TransformArchive(BackupSettings settings) {
        this.settings = settings;
    }

    /**
     * What the transform wrote.
     *
     * @param summary entries kept and left out
     * @param tarBytes plain tar length
     * @param tarSha256 plain tar hash
     * @param archiveBytes stored archive length
     * @param archiveSha256 stored archive hash
     * @param listingBytes stored listing length
     * @param listingSha256 stored listing hash
     */
    public record Result(VolumeArchive.Summary summary, long tarBytes, String tarSha256, long archiveBytes,
            String archiveSha256, long listingBytes, String listingSha256) {
    }

    /**
     * Runs the transform to the end and closes both targets, which marks the end of both uploads. On failure the
     * targets are left open: the caller fails the pipes, so that no upload can take a partial stream for a whole one.
     */
    public Result run(InputStream engineArchive, OutputStream archiveTarget, OutputStream listingTarget,
            ExcludeFilter excludes, String backupId) throws IOException {
        DigestingOutputStream archiveObject = new DigestingOutputStream(archiveTarget);
        DigestingOutputStream listingObject = new DigestingOutputStream(listingTarget);
        DigestingOutputStream tar = new DigestingOutputStream(
                encodeInto(archiveObject, StorageLayout.archiveContext(backupId)));
        OutputStream listingPlain = encodeInto(listingObject, StorageLayout.listingContext(backupId));
        ArchiveListing.LineWriter listing = new ArchiveListing.LineWriter(listingPlain);
        BufferedOutputStream tarBuffer = new BufferedOutputStream(tar, BUFFER);
        VolumeArchive.Summary summary = VolumeArchive.filter(engineArchive, tarBuffer, excludes, listing);
        tarBuffer.close();
        listing.close();
        return new Result(summary, tar.count(), tar.sha256Hex(), archiveObject.count(), archiveObject.sha256Hex(),
                listingObject.count(), listingObject.sha256Hex());
    }

    private OutputStream encodeInto(OutputStream stored, String context) throws IOException {
        OutputStream encrypted = settings.encryptionKey() == null ? stored
                : new EncryptingOutputStream(stored, settings.encryptionKey(), context, settings.chunkSize());
        if (!settings.compressed()) {
            return encrypted;
        }
        ZstdOutputStream zstd = new ZstdOutputStream(encrypted, settings.compressionLevel());
        // The frame checksum lets an unencrypted archive be checked by any zstd tool as well.
        zstd.setChecksum(true);
        return zstd;
    }
}
