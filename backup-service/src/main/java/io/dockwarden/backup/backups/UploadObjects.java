package io.dockwarden.backup.backups;

import io.dockwarden.backup.ports.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Step 4: streams what the transform produces into multipart uploads, each on a thread of its own, so that the
 * transform can feed the archive and the listing at once. An upload that fails closes its stream, which stops the
 * transform.
 */
public final class UploadObjects {

    private static final String CONTENT_TYPE = "application/octet-stream";

    private final ObjectStore store;
    private final Executor executor;

    public UploadObjects(ObjectStore store, Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    /** Starts an upload; the future completes with the object's ETag. */
    public CompletableFuture<String> start(String key, InputStream stream, long partSize) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return store.upload(key, stream, partSize, CONTENT_TYPE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executor);
    }
}
