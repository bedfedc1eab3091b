package io.dockwarden.backup.restores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.backup.archive.ExcludeFilter;
import io.dockwarden.backup.archive.ListedEntry;
import io.dockwarden.backup.backups.BackupSettings;
import io.dockwarden.backup.backups.TransformArchive;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.crypto.EncryptionKey;
import io.dockwarden.backup.crypto.KeyRing;
import io.dockwarden.backup.policy.PolicyLabels;
import io.dockwarden.backup.policy.RetentionPolicy;
import io.dockwarden.backup.ports.ObjectMissingException;
import io.dockwarden.backup.ports.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What the transform stores, the reader takes back: with and without encryption, every check of the authentication
 * pass holds, and one changed byte is caught before anything could be written.
 */
class StoredBackupFormatTest {

    private static final String BACKUP_ID = "20261123T000000Z-0123456789ab";
    private static final EncryptionKey KEY = EncryptionKey.of(new byte[32], null);
    private final Bucket bucket = new Bucket();

    @Test
    void encryptedBackupsAuthenticateAndListAndAChangedByteIsRefused() throws IOException {
        BackupManifest manifest = store(KEY, 3);
        assertThat(manifest.archive().key()).isEqualTo("archive");
        BackupReader reader = new BackupReader(bucket, new KeyRing(KEY, List.of()));

        BackupReader.Authenticated authenticated = reader.authenticate(manifest);
        assertThat(authenticated.entries()).isEqualTo(4);
        assertThat(authenticated.tarBytes()).isEqualTo(manifest.archive().tarBytes());
        List<ListedEntry> listed = new ArrayList<>();
        try (BackupReader.Listing listing = reader.openListing(manifest)) {
            listing.entries().forEachRemaining(listed::add);
        }
        assertThat(listed).extracting(ListedEntry::path).containsExactly(".", "a", "a/big", "note");

        bucket.flipByteAt("archive", 2000);
        assertThatThrownBy(() -> reader.authenticate(manifest)).isInstanceOf(RestoreFailure.class)
                .hasMessageContaining("failed authentication")
                .satisfies(e -> assertThat(((RestoreFailure) e).step()).isEqualTo(RestoreStep.AUTHENTICATE));
    }

    @Test
    void aBackupEncryptedWithAnotherKeyFailsBeforeAnyDownload() throws IOException {
        BackupManifest manifest = store(KEY, 3);
        BackupReader reader = new BackupReader(bucket, KeyRing.none());
        bucket.reads = 0;
        assertThatThrownBy(() -> reader.authenticate(manifest)).isInstanceOf(RestoreFailure.class)
                .hasMessageContaining("key id " + KEY.id()).hasMessageContaining("not configured");
        assertThat(bucket.reads).isZero();
    }

    @Test
    void unencryptedBackupsAreCheckedByTheirHashesAndZstdChecksums() throws IOException {
        BackupManifest manifest = store(null, 3);
        BackupReader reader = new BackupReader(bucket, KeyRing.none());
        assertThat(reader.authenticate(manifest).entries()).isEqualTo(4);

        bucket.flipByteAt("archive", bucket.objects.get("archive").length - 40);
        assertThatThrownBy(() -> reader.authenticate(manifest)).isInstanceOf(RestoreFailure.class)
                .satisfies(e -> assertThat(((RestoreFailure) e).step()).isEqualTo(RestoreStep.AUTHENTICATE));
    }

    @Test
    void uncompressedBackupsAreReadBackAsWell() throws IOException {
        BackupManifest manifest = store(KEY, 0);
        assertThat(manifest.compressed()).isFalse();
        assertThat(new BackupReader(bucket, new KeyRing(KEY, List.of())).authenticate(manifest).entries())
                .isEqualTo(4);
    }

    private BackupManifest store(@Nullable EncryptionKey key, int level) throws IOException {
        BackupSettings settings = new BackupSettings(level, key, 4096, 5L * 1024 * 1024, 65536,
                new PolicyLabels.Defaults("0 0 2 * * *", RetentionPolicy.parse("last=1")), ZoneOffset.UTC, "test");
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        TransformArchive.Result result = new TransformArchive(settings).run(new ByteArrayInputStream(volumeTar()),
                archive, listing, ExcludeFilter.parse("*.tmp"), BACKUP_ID);
        bucket.objects.put("archive", archive.toByteArray());
        bucket.objects.put("listing", listing.toByteArray());
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        return new BackupManifest(1, BACKUP_ID, "r", "h", "v", "local", Map.of(), "command", "test", now, now, 0,
                new BackupManifest.Archive("archive", result.archiveBytes(), result.archiveSha256(), "etag",
                        result.tarBytes(), result.tarSha256(), result.summary().entries(), result.summary().excluded(),
                        result.summary().contentBytes()),
                new BackupManifest.Listing("listing", result.listingBytes(), result.listingSha256(),
                        result.summary().entries()),
                new BackupManifest.Compression(level > 0 ? "zstd" : "none", level),
                key == null ? new BackupManifest.Encryption("none", null, null, 0)
                        : new BackupManifest.Encryption("AES-256-GCM", key.id(), "DWAE/1", 4096),
                List.of("*.tmp"), "last=1", List.of(), "test");
    }

    private static byte[] volumeTar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            tar.putArchiveEntry(new TarArchiveEntry("volume/"));
            tar.closeArchiveEntry();
            tar.putArchiveEntry(new TarArchiveEntry("volume/a/"));
            tar.closeArchiveEntry();
            byte[] big = new byte[50_000];
            new Random(7).nextBytes(big);
            file(tar, "volume/a/big", big);
            file(tar, "volume/note", "hello".getBytes(StandardCharsets.UTF_8));
            file(tar, "volume/skip.tmp", "left out".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** A bucket in memory, for the format alone; the S3 adapter is tested against a real S3 server. */
    private static final class Bucket implements ObjectStore {

        final Map<String, byte[]> objects = new TreeMap<>();
        int reads;

        void flipByteAt(String key, int position) {
            objects.get(key)[position] ^= 0x01;
        }

        @Override
        public StoredObject open(String key, @Nullable String requiredEtag) {
            reads++;
            byte[] content = objects.get(key);
            if (content == null) {
                throw new ObjectMissingException("no " + key, new IOException("missing"));
            }
            return new StoredObject(new ByteArrayInputStream(content), "etag", content.length);
        }

        @Override
        public String bucket() {
            return "memory";
        }

        @Override
        public String upload(String key, java.io.InputStream stream, long partSize, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(String key, byte[] content, String contentType) {
            objects.put(key, content.clone());
        }

        @Override
        public java.util.Optional<byte[]> read(String key) {
            return java.util.Optional.ofNullable(objects.get(key));
        }

        @Override
        public List<ObjectSummary> list(String prefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }

        @Override
        public List<IncompleteUpload> incompleteUploads(String prefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void abort(IncompleteUpload upload) {
            throw new UnsupportedOperationException();
        }
    }
}
