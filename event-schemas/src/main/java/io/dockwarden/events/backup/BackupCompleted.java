package io.dockwarden.events.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A backup was stored and its manifest written.
 *
 * @param backupId the backup's id
 * @param requestId the request it answers, if any
 * @param hostId the engine holding the volume
 * @param volumeName the volume
 * @param startedAt when it started
 * @param completedAt when the manifest was written
 * @param durationMillis wall time
 * @param fileCount entries in the archive
 * @param tarBytes size of the plain tar stream
 * @param storedBytes size of the stored object
 * @param throughputBytesPerSecond tar bytes per second of wall time
 * @param tarSha256 SHA-256 of the plain tar, hex
 * @param objectSha256 SHA-256 of the stored object, hex
 * @param bucket the S3 bucket
 * @param objectKey the data object's key
 * @param manifestKey the manifest object's key
 * @param compression {@code zstd} or {@code none}
 * @param cipher {@code AES-256-GCM} or {@code none}
 * @param keyId id of the encryption key, absent without encryption
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupCompleted(String backupId, @Nullable String requestId, String hostId, String volumeName,
        Instant startedAt, Instant completedAt, long durationMillis, long fileCount, long tarBytes, long storedBytes,
        long throughputBytesPerSecond, String tarSha256, String objectSha256, String bucket, String objectKey,
        String manifestKey, String compression, String cipher, @Nullable String keyId) implements BackupEvent {
}
