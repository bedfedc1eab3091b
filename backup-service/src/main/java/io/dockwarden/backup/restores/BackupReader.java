package io.dockwarden.backup.restores;

import com.github.luben.zstd.ZstdInputStream;
import io.dockwarden.backup.archive.ArchiveListing;
import io.dockwarden.backup.archive.DigestingInputStream;
import io.dockwarden.backup.archive.ListedEntry;
import io.dockwarden.backup.archive.VolumeArchive;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.catalog.StorageLayout;
import io.dockwarden.backup.crypto.AuthenticationException;
import io.dockwarden.backup.crypto.DecryptingInputStream;
import io.dockwarden.backup.crypto.KeyNotAvailableException;
import io.dockwarden.backup.crypto.KeyRing;
import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.StoreException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stored backup back: object, then chunk authentication and decryption, then zstd, then the plain tar, with
 * SHA-256 of the object and of the tar computed on the way and held against the manifest.
 */
public final class BackupReader {

    private final ObjectStore store;
    private final KeyRing keys;

    public BackupReader(ObjectStore store, KeyRing keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * The outcome of a full read to nowhere.
     *
     * @param etag the ETag of the object read, so that the write reads the very same object
     * @param entries entries in the tar
     * @param tarBytes plain tar bytes
     */
    public record Authenticated(String etag, long entries, long tarBytes) {
    }

    /** Fails early, before any download, when the manifest names a key this service lacks. */
    public void checkKey(BackupManifest manifest) {
        if (manifest.encrypted()) {
            String keyId = manifest.encryption().keyId();
            if (keyId == null || keys.find(keyId).isEmpty()) {
                throw new RestoreFailure(RestoreStep.AUTHENTICATE, new KeyNotAvailableException(
                        String.valueOf(keyId), keys.ids()).getMessage(), false);
            }
        }
    }

    /**
     * Downloads the archive and checks everything without writing anywhere: every chunk's tag, the object's and the
     * tar's SHA-256 and length, and the entry count, against the manifest.
     *
     * @throws RestoreFailure (authenticate) if anything does not match, (download) if the store fails
     */
    public Authenticated authenticate(BackupManifest manifest) {
        checkKey(manifest);
        try (TarStream tar = openTar(manifest, null)) {
            VolumeArchive.Summary summary;
            try {
                summary = VolumeArchive.list(tar.stream(), entry -> {
                });
            } catch (AuthenticationException e) {
                throw new RestoreFailure(RestoreStep.AUTHENTICATE, e.getMessage(), false, e);
            } catch (IOException e) {
                throw failureOf(e, manifest);
            }
            tar.finish();
            if (summary.entries() != manifest.archive().entries()) {
                throw new RestoreFailure(RestoreStep.AUTHENTICATE, "the archive holds " + summary.entries()
                        + " entries, the manifest recorded " + manifest.archive().entries(), false);
            }
            return new Authenticated(tar.etag(), summary.entries(), tar.tarBytes());
        } catch (IOException e) {
            throw failureOf(e, manifest);
        }
    }

    /**
     * Opens the plain tar of a backup.
     *
     * @param requiredEtag the ETag the object must still have, or {@code null}
     */
    public TarStream openTar(BackupManifest manifest, @Nullable String requiredEtag) {
        ObjectStore.StoredObject object;
        try {
            object = store.open(manifest.archive().key(), requiredEtag);
        } catch (StoreException e) {
            throw new RestoreFailure(RestoreStep.DOWNLOAD, "downloading the archive failed: " + e.getMessage(),
                    e.retryable(), e);
        }
        try {
            DigestingInputStream stored = new DigestingInputStream(object.stream());
            InputStream plain = manifest.encrypted()
                    ? new DecryptingInputStream(stored, keys, StorageLayout.archiveContext(manifest.backupId()))
                    : stored;
            InputStream tar = manifest.compressed() ? new ZstdInputStream(plain) : plain;
            return new TarStream(manifest, object, stored, plain, new DigestingInputStream(tar));
        } catch (AuthenticationException e) {
            closeQuietly(object);
            throw new RestoreFailure(RestoreStep.AUTHENTICATE, e.getMessage(), false, e);
        } catch (IOException e) {
            closeQuietly(object);
            throw failureOf(e, manifest);
        }
    }

    /** Opens a backup's listing; the iterator throws {@link UncheckedIOException} if the object fails to check out. */
    public Listing openListing(BackupManifest manifest) {
        ObjectStore.StoredObject object;
        try {
            object = store.open(manifest.listing().key(), null);
        } catch (StoreException e) {
            throw new RestoreFailure(RestoreStep.DOWNLOAD, "downloading the listing failed: " + e.getMessage(),
                    e.retryable(), e);
        }
        try {
            InputStream plain = manifest.encrypted()
                    ? new DecryptingInputStream(object.stream(), keys,
                            StorageLayout.listingContext(manifest.backupId()))
                    : object.stream();
            InputStream lines = manifest.compressed() ? new ZstdInputStream(plain) : plain;
            return new Listing(object, ArchiveListing.read(lines));
        } catch (AuthenticationException e) {
            closeQuietly(object);
            throw new RestoreFailure(RestoreStep.AUTHENTICATE, "the listing " + e.getMessage(), false, e);
        } catch (IOException e) {
            closeQuietly(object);
            throw new RestoreFailure(RestoreStep.DOWNLOAD, "reading the listing failed: " + e.getMessage(), true, e);
        }
    }

    /** A listing being read. */
    public record Listing(Closeable source, Iterator<ListedEntry> entries) implements Closeable {

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    private RestoreFailure failureOf(IOException e, BackupManifest manifest) {
        if (e instanceof AuthenticationException) {
            return new RestoreFailure(RestoreStep.AUTHENTICATE, e.getMessage(), false, e);
        }
        if (e.getCause() instanceof StoreException store) {
            return new RestoreFailure(RestoreStep.DOWNLOAD, "downloading the archive failed: " + store.getMessage(),
                    store.retryable(), e);
        }
        if (Retrying.isRetryable(e) || e instanceof java.net.SocketException
                || e instanceof java.net.SocketTimeoutException || e instanceof java.io.EOFException) {
            return new RestoreFailure(RestoreStep.DOWNLOAD, "downloading the archive of " + manifest.backupId()
                    + " failed: " + e.getMessage(), true, e);
        }
        // Unencrypted archives have no chunk tags: damage shows as a broken zstd frame or tar.
        return new RestoreFailure(RestoreStep.AUTHENTICATE, "the archive does not check out: " + e.getMessage(), false,
                e);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Already failing; the original failure is what counts.
        }
    }

    /** The plain tar of a backup, with the checks that complete once it is read to the end. */
    public final class TarStream implements Closeable {

        private final BackupManifest manifest;
        private final ObjectStore.StoredObject object;
        private final DigestingInputStream stored;
        private final InputStream plain;
        private final DigestingInputStream tar;

        TarStream(BackupManifest manifest, ObjectStore.StoredObject object, DigestingInputStream stored,
                InputStream plain, DigestingInputStream tar) {
            this.manifest = manifest;
            this.object = object;
            this.stored = stored;
            this.plain = plain;
            this.tar = tar;
        }

        public InputStream stream() {
            return tar;
        }

        public String etag() {
            return object.etag();
        }

        public long tarBytes() {
            return tar.count();
        }

        /**
         * Reads what is left of the object (so that the last chunk's final flag and the object hash are checked) and
         * holds the hashes and lengths against the manifest.
         *
         * @throws RestoreFailure (authenticate) on any difference
         */
        public void finish() throws IOException {
            tar.drain();
            byte[] scratch = new byte[64 * 1024];
            while (plain.read(scratch) >= 0) {
                // The decrypting stream checks the final flag and that nothing follows it.
            }
            stored.drain();
            BackupManifest.Archive archive = manifest.archive();
            String objectSha256 = stored.sha256Hex();
            if (stored.count() != archive.storedBytes() || !objectSha256.equals(archive.sha256())) {
                throw new RestoreFailure(RestoreStep.AUTHENTICATE, "the stored archive has " + stored.count()
                        + " bytes with SHA-256 " + objectSha256 + ", the manifest recorded " + archive.storedBytes()
                        + " bytes with " + archive.sha256() + ": the object was modified or replaced", false);
            }
            String tarSha256 = tar.sha256Hex();
            if (tar.count() != archive.tarBytes() || !tarSha256.equals(archive.tarSha256())) {
                throw new RestoreFailure(RestoreStep.AUTHENTICATE, "the tar has " + tar.count() + " bytes with SHA-256 "
                        + tarSha256 + ", the manifest recorded " + archive.tarBytes() + " bytes with "
                        + archive.tarSha256(), false);
            }
        }

        @Override
        public void close() throws IOException {
            object.close();
        }
    }
}
