package io.dockwarden.backup.ports;

import java.io.Closeable;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The S3 bucket backups live in. Every method throws {@link StoreException} when the store fails. */
public interface ObjectStore {

    String bucket();

    /**
     * Uploads a stream of unknown length as a multipart upload, holding one part in memory. A failed upload is aborted
     * as far as the store can be reached; see {@link #incompleteUploads} for what an outage leaves.
     *
     * @param partSize bytes per part, at least 5 MiB
     * @return the stored object's ETag
     */
    String upload(String key, InputStream stream, long partSize, String contentType);

    /** Stores a small object in one request. */
    void put(String key, byte[] content, String contentType);

    /** Reads a small object whole, or nothing if it does not exist. */
    Optional<byte[]> read(String key);

    /**
     * Opens an object for streaming.
     *
     * @param requiredEtag if given, the read fails unless the object still has this ETag
     * @throws ObjectMissingException if it does not exist (or no longer has the ETag)
     */
    StoredObject open(String key, @Nullable String requiredEtag);

    /** Objects under a prefix, recursively, in key order. */
    List<ObjectSummary> list(String prefix);

    void delete(String key);

    /** Multipart uploads under a prefix that were neither completed nor aborted. */
    List<IncompleteUpload> incompleteUploads(String prefix);

    void abort(IncompleteUpload upload);

    /**
     * An object being read.
     *
     * @param stream its content
     * @param etag its ETag
     * @param size its length
     */
    record StoredObject(InputStream stream, String etag, long size) implements Closeable {

        @Override
        public void close() throws java.io.IOException {
            stream.close();
        }
    }

    /**
     * An object as a listing shows it.
     *
     * @param key its key
     * @param size its length
     * @param lastModified when it was written
     */
    record ObjectSummary(String key, long size, Instant lastModified) {
    }

    /**
     * A multipart upload left open.
     *
     * @param key the object key it was for
     * @param uploadId the upload's id
     * @param initiated when it started
     */
    record IncompleteUpload(String key, String uploadId, Instant initiated) {
    }
}
