package io.dockwarden.backup.backups;

import io.dockwarden.backup.crypto.EncryptionKey;
import io.dockwarden.backup.policy.PolicyLabels;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * How backups are made.
 *
 * @param compressionLevel zstd level, or 0 for no compression
 * @param encryptionKey the key new backups are encrypted with, or {@code null} when encryption is disabled
 * @param chunkSize plaintext bytes per encrypted chunk
 * @param partSize bytes per multipart upload part of the archive; the heap holds one
 * @param pipeBytes buffer between the transform and each upload
 * @param defaults policy defaults
 * @param retentionZone the zone retention counts days, weeks and months in
 * @param toolVersion recorded in manifests
 */
public record BackupSettings(int compressionLevel, @Nullable EncryptionKey encryptionKey, int chunkSize, long partSize,
        int pipeBytes, PolicyLabels.Defaults defaults, ZoneId retentionZone, String toolVersion) {

    /** Parts of the listing: the smallest S3 allows, the listing being small next to the archive. */
    public static final long LISTING_PART_SIZE = 5L * 1024 * 1024;

    public boolean compressed() {
        return compressionLevel > 0;
    }

    public boolean encrypted() {
        return encryptionKey != null;
    }
}
