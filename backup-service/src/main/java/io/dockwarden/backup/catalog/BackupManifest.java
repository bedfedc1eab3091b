package io.dockwarden.backup.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The manifest of a backup, written last: a backup without one does not exist. It holds what a restore and a
 * verification need and what people ask about a backup, but no file names: the per-entry listing is an object of its
 * own, encrypted like the archive.
 *
 * @param formatVersion version of this layout
 * @param backupId the backup's id
 * @param requestId the request it answered
 * @param hostId the engine holding the volume
 * @param volumeName the volume
 * @param volumeDriver the volume's driver
 * @param volumeLabels the volume's labels at backup time
 * @param trigger command, api, schedule or event
 * @param requestedBy who or what asked
 * @param startedAt when the backup started (retention counts by this)
 * @param completedAt when the data was stored
 * @param durationMillis wall time
 * @param archive the archive object
 * @param listing the listing object
 * @param compression how the tar was compressed
 * @param encryption how the objects were encrypted
 * @param excludes exclude globs applied
 * @param retention retention policy applied after the backup
 * @param quiesced containers stopped, paused or hooked, as {@code <name>:<mode>}
 * @param toolVersion the service that wrote it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(int formatVersion, String backupId, @Nullable String requestId, String hostId,
        String volumeName, String volumeDriver, Map<String, String> volumeLabels, String trigger, String requestedBy,
        Instant startedAt, Instant completedAt, long durationMillis, Archive archive, Listing listing,
        Compression compression, Encryption encryption, List<String> excludes, String retention,
        List<String> quiesced, String toolVersion) {

    public static final int FORMAT_VERSION = 1;

    public BackupManifest {
        volumeLabels = Map.copyOf(volumeLabels);
        excludes = List.copyOf(excludes);
        quiesced = List.copyOf(quiesced);
    }

    public boolean encrypted() {
        return !Encryption.NONE.equals(encryption.cipher());
    }

    public boolean compressed() {
        return !Compression.NONE.equals(compression.algorithm());
    }

    /**
     * The archive object.
     *
     * @param key its key
     * @param storedBytes its length
     * @param sha256 SHA-256 of the object as stored
     * @param etag the store's ETag
     * @param tarBytes length of the plain tar
     * @param tarSha256 SHA-256 of the plain tar
     * @param entries entries in the tar
     * @param excludedEntries entries the exclude globs left out
     * @param contentBytes bytes of regular file content
     */
    public record Archive(String key, long storedBytes, String sha256, String etag, long tarBytes, String tarSha256,
            long entries, long excludedEntries, long contentBytes) {
    }

    /**
     * The listing object: one JSON line per entry (path, type, size, mode, owner, link, SHA-256, mtime).
     *
     * @param key its key
     * @param storedBytes its length
     * @param sha256 SHA-256 of the object as stored
     * @param entries lines
     */
    public record Listing(String key, long storedBytes, String sha256, long entries) {
    }

    /**
     * Compression.
     *
     * @param algorithm {@code zstd} or {@code none}
     * @param level the zstd level
     */
    public record Compression(String algorithm, int level) {
        public static final String ZSTD = "zstd";
        public static final String NONE = "none";
    }

    /**
     * Encryption.
     *
     * @param cipher {@code AES-256-GCM} or {@code none}
     * @param keyId id of the master key
     * @param format the chunk format, {@code DWAE/1}
     * @param chunkSize plaintext bytes per chunk
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Encryption(String cipher, @Nullable String keyId, @Nullable String format, int chunkSize) {
        public static final String AES_256_GCM = "AES-256-GCM";
        public static final String NONE = "none";
        public static final String FORMAT = "DWAE/1";
    }
}
