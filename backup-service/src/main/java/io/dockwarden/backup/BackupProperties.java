package io.dockwarden.backup;

import io.dockwarden.backup.crypto.ChunkFormat;
import io.dockwarden.backup.crypto.EncryptionKey;
import io.dockwarden.backup.policy.RetentionPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the backup service, under {@code dockwarden.backup}. Secrets ({@code s3.access-key},
 * {@code s3.secret-key}, {@code encryption.key}, {@code encryption.previous-keys}) can also be read from a file named by
 * the matching {@code *_FILE} environment variable, such as {@code DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE}.
 *
 * @param hostId the host id in events and object keys; the engine's ID when unset
 * @param consumerGroup consumer group of the commands and volume-events bindings; instances serving different engines
 *     need different groups, since each handles only its own engine's commands
 * @param docker how to reach the Docker engine
 * @param helper the helper containers that read and write volumes
 * @param s3 the bucket backups go to
 * @param encryption encryption of stored objects
 * @param compression compression of the archive
 * @param defaults policy defaults for what labels leave out
 * @param retry backoff for engine and S3 failures
 * @param verification scheduled verification of the latest backup of each volume
 * @param policies how policies follow the engine
 * @param cleanup sweeping what failures and crashes leave behind
 * @param transfer buffers of the streaming transform
 */
@Validated
@ConfigurationProperties("dockwarden.backup")
public record BackupProperties(
        @Nullable String hostId,
        @NotBlank @DefaultValue("backup-service") String consumerGroup,
        @Valid @DefaultValue Docker docker,
        @Valid @DefaultValue Helper helper,
        @Valid @DefaultValue S3 s3,
        @Valid @DefaultValue Encryption encryption,
        @Valid @DefaultValue Compression compression,
        @Valid @DefaultValue Defaults defaults,
        @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue Verification verification,
        @Valid @DefaultValue Policies policies,
        @Valid @DefaultValue Cleanup cleanup,
        @Valid @DefaultValue Transfer transfer) {

    public BackupProperties {
        if (hostId != null && (hostId.isBlank() || hostId.contains("/") || hostId.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("dockwarden.backup.host-id must be non-empty, without slash or whitespace");
        }
    }

    /**
     * The Docker engine.
     *
     * @param host engine address: {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
     * @param tlsVerify whether to use TLS with client certificates from {@code certPath}
     * @param certPath directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem}
     * @param connectTimeout connection timeout
     * @param responseTimeout longest wait for engine data, such as the next bytes of an archive stream
     */
    public record Docker(
            @NotBlank @DefaultValue("unix:///var/run/docker.sock") String host,
            @DefaultValue("false") boolean tlsVerify,
            @Nullable String certPath,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("30m") Duration responseTimeout) {
    }

    /**
     * Helper containers: created from this image, given these labels, never attached to a network. The read helper is
     * never started; the image must be present on the engine (it is never pulled) and, for restores in replace mode,
     * have {@code sh} and {@code find}.
     *
     * @param image image of helper containers
     * @param labels extra labels on helper containers and scratch volumes
     * @param stopTimeout how long a container labelled to stop gets before it is killed
     * @param hookTimeout longest run of a pre-exec or post-exec hook
     */
    public record Helper(
            @NotBlank @DefaultValue("busybox:1.37") String image,
            @DefaultValue Map<String, String> labels,
            @DefaultValue("30s") Duration stopTimeout,
            @DefaultValue("1h") Duration hookTimeout) {
    }

    /**
     * The S3 bucket.
     *
     * @param endpoint S3 endpoint URL
     * @param region region signed for
     * @param bucket bucket of the backups
     * @param accessKey access key (secret; also {@code DOCKWARDEN_BACKUP_S3_ACCESS_KEY_FILE})
     * @param secretKey secret key (secret; also {@code DOCKWARDEN_BACKUP_S3_SECRET_KEY_FILE})
     * @param prefix key prefix of everything this service writes
     * @param partSize multipart part size; the heap holds one part per running backup, and 10,000 parts bound the
     *     largest archive (16 MiB parts: 156 GiB)
     * @param createBucket whether to create the bucket at startup when it is missing
     * @param connectTimeout connection timeout
     * @param readTimeout longest wait for data from S3
     */
    public record S3(
            @NotBlank @DefaultValue("http://localhost:9000") String endpoint,
            @NotBlank @DefaultValue("us-east-1") String region,
            @NotBlank @DefaultValue("dockwarden-backups") String bucket,
            @Nullable String accessKey,
            @Nullable String secretKey,
            @DefaultValue("backups/") String prefix,
            @DefaultValue("16MB") DataSize partSize,
            @DefaultValue("true") boolean createBucket,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("2m") Duration readTimeout) {

        public S3 {
            if (partSize.toBytes() < 5L * 1024 * 1024 || partSize.toBytes() > 5L * 1024 * 1024 * 1024) {
                throw new IllegalArgumentException("dockwarden.backup.s3.part-size must be between 5MB and 5GB");
            }
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + ", credentials="
                    + (accessKey == null ? "none" : "set") + "]";
        }
    }

    /**
     * Encryption of archives and listings: AES-256-GCM in authenticated chunks. Without a key the service does not
     * start, unless encryption is disabled explicitly.
     *
     * @param enabled whether new backups are encrypted
     * @param key the 256-bit key, base64 or 64 hex digits (secret; also {@code DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE})
     * @param keyId the key's id in manifests; derived from the key when unset
     * @param previousKeys keys of backups made before a key rotation, comma-separated (secret)
     * @param chunkSize plaintext bytes per authenticated chunk
     */
    public record Encryption(
            @DefaultValue("true") boolean enabled,
            @Nullable String key,
            @Nullable String keyId,
            @DefaultValue List<String> previousKeys,
            @DefaultValue("1MB") DataSize chunkSize) {

        public Encryption {
            if (enabled && (key == null || key.isBlank())) {
                throw new IllegalArgumentException("dockwarden.backup.encryption.key is not set: set it (or"
                        + " DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE), or disable encryption explicitly with"
                        + " dockwarden.backup.encryption.enabled=false");
            }
            if (key != null && !key.isBlank()) {
                EncryptionKey.parse(key, keyId);
            }
            previousKeys.forEach(previous -> EncryptionKey.parse(previous, null));
            if (chunkSize.toBytes() < ChunkFormat.MIN_CHUNK_SIZE || chunkSize.toBytes() > ChunkFormat.MAX_CHUNK_SIZE) {
                throw new IllegalArgumentException("dockwarden.backup.encryption.chunk-size must be between 4KB and"
                        + " 16MB");
            }
        }

        @Override
        public String toString() {
            return "Encryption[enabled=" + enabled + ", key=" + (key == null ? "none" : "set") + ", previousKeys="
                    + previousKeys.size() + ", chunkSize=" + chunkSize + "]";
        }
    }

    /**
     * Compression of the archive.
     *
     * @param algorithm {@code zstd} or {@code none}
     * @param level zstd level, 1 (fast) to 19 (small)
     */
    public record Compression(
            @DefaultValue("zstd") String algorithm,
            @Min(1) @Max(19) @DefaultValue("3") int level) {

        public Compression {
            if (!algorithm.equals("zstd") && !algorithm.equals("none")) {
                throw new IllegalArgumentException("dockwarden.backup.compression.algorithm must be zstd or none");
            }
        }
    }

    /**
     * Defaults for what labels leave out.
     *
     * @param schedule cron expression (5 or 6 fields) of scheduled backups
     * @param retention retention policy
     * @param zone time zone of schedules and of retention's days, weeks and months
     */
    public record Defaults(
            @NotBlank @DefaultValue("0 0 2 * * *") String schedule,
            @NotBlank @DefaultValue("last=7,daily=7,weekly=4,monthly=6") String retention,
            @DefaultValue("UTC") ZoneId zone) {

        public Defaults {
            RetentionPolicy.parse(retention);
        }
    }

    /**
     * Retries of engine and S3 failures that may pass; a backup is tried again from the start, a restore's download
     * and write likewise.
     *
     * @param maxAttempts attempts in all, the first included
     * @param initialBackoff the first wait
     * @param multiplier growth of the wait per attempt
     * @param maxBackoff the longest wait
     */
    public record Retry(
            @Min(1) @DefaultValue("4") int maxAttempts,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("1m") Duration maxBackoff) {
    }

    /**
     * Scheduled verification.
     *
     * @param enabled whether the latest backup of each volume is verified on a schedule
     * @param schedule cron expression, weekly by default
     * @param maxMismatches differing entries listed in a {@code verified} event at most
     */
    public record Verification(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("0 0 4 * * SUN") String schedule,
            @Min(1) @DefaultValue("100") int maxMismatches) {
    }

    /**
     * Policies.
     *
     * @param rescanInterval how often the engine's volumes are scanned for labels (inventory events update in between)
     */
    public record Policies(@DefaultValue("5m") Duration rescanInterval) {
    }

    /**
     * Cleanup.
     *
     * @param interval how often leftovers are swept
     * @param orphanAge age after which an incomplete upload, a backup folder without manifest or a helper container is
     *     taken for a leftover of a crash
     */
    public record Cleanup(
            @DefaultValue("1m") Duration interval,
            @DefaultValue("24h") Duration orphanAge) {
    }

    /**
     * Streaming buffers.
     *
     * @param pipeBuffer buffer between the transform and each upload
     */
    public record Transfer(@DefaultValue("1MB") DataSize pipeBuffer) {
    }
}
