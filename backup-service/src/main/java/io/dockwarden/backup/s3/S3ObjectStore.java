package io.dockwarden.backup.s3;

import io.dockwarden.backup.ports.ObjectMissingException;
import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.backup.ports.StoreException;
import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListMultipartUploadsArgs;
import io.minio.ListMultipartUploadsResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The bucket through minio-java. Streams of unknown length go up as multipart uploads
 * ({@code PutObjectArgs.stream(in, -1, partSize)}), which hold one part in memory; minio aborts a failed upload when it
 * can still reach the store, and {@link #incompleteUploads} finds the rest.
 */
class S3ObjectStore implements ObjectStore {

    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "PreconditionFailed");

    private final MinioClient client;
    private final MinioAsyncClient asyncClient;
    private final String bucket;
    private final boolean createBucket;
    private volatile boolean bucketReady;

    S3ObjectStore(MinioClient client, MinioAsyncClient asyncClient, String bucket, boolean createBucket) {
        this.client = client;
        this.asyncClient = asyncClient;
        this.bucket = bucket;
        this.createBucket = createBucket;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    /** Creates the bucket if it is missing and creation is allowed; concurrent uploads create it once. */
    synchronized void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                if (!createBucket) {
                    throw new StoreException("bucket " + bucket + " does not exist (and"
                            + " dockwarden.backup.s3.create-bucket is false)", false);
                }
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            bucketReady = true;
        } catch (MinioException | RuntimeException e) {
            if (isCode(e, "BucketAlreadyOwnedByYou") || isCode(e, "BucketAlreadyExists")) {
                bucketReady = true;
                return;
            }
            throw translateAny("checking bucket " + bucket, e);
        }
    }

    boolean bucketExists() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (MinioException | RuntimeException e) {
            throw translateAny("checking bucket " + bucket, e);
        }
    }

    @Override
    public String upload(String key, InputStream stream, long partSize, String contentType) {
        ensureBucket();
        try {
            return client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(stream, -1L, partSize)
                    .contentType(contentType).build()).etag();
        } catch (MinioException | RuntimeException e) {
            throw translateAny("uploading " + key, e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        ensureBucket();
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), (long) content.length, -1L).contentType(contentType)
                    .build());
        } catch (MinioException | RuntimeException e) {
            throw translateAny("writing " + key, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try (GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
                .build())) {
            return Optional.of(response.readAllBytes());
        } catch (MinioException | RuntimeException e) {
            StoreException failure = translateAny("reading " + key, e);
            if (failure instanceof ObjectMissingException) {
                return Optional.empty();
            }
            throw failure;
        } catch (IOException e) {
            throw new StoreException("reading " + key + " failed: " + e.getMessage(), true, e);
        }
    }

    @Override
    public StoredObject open(String key, @Nullable String requiredEtag) {
        GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(key);
        if (requiredEtag != null) {
            args.matchETag(requiredEtag);
        }
        try {
            GetObjectResponse response = client.getObject(args.build());
            String etag = String.valueOf(response.headers().get("ETag")).replace("\"", "");
            String length = response.headers().get("Content-Length");
            return new StoredObject(response, etag, length == null ? -1 : Long.parseLong(length));
        } catch (MinioException | RuntimeException e) {
            throw translateAny("opening " + key, e);
        }
    }

    @Override
    public List<ObjectSummary> list(String prefix) {
        List<ObjectSummary> objects = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects.add(new ObjectSummary(item.objectName(), item.size(),
                            item.lastModified() == null ? Instant.EPOCH : item.lastModified().toInstant()));
                }
            }
        } catch (MinioException | RuntimeException e) {
            StoreException failure = translateAny("listing " + prefix, e);
            if (isNoSuchBucket(e)) {
                return List.of();
            }
            throw failure;
        }
        return objects;
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException | RuntimeException e) {
            throw translateAny("deleting " + key, e);
        }
    }

    @Override
    public List<IncompleteUpload> incompleteUploads(String prefix) {
        List<IncompleteUpload> uploads = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        try {
            while (true) {
                ListMultipartUploadsArgs.Builder args = ListMultipartUploadsArgs.builder().bucket(bucket)
                        .prefix(prefix);
                if (keyMarker != null) {
                    args.keyMarker(keyMarker);
                }
                if (uploadIdMarker != null) {
                    args.uploadIdMarker(uploadIdMarker);
                }
                ListMultipartUploadsResult result = await(asyncClient.listMultipartUploads(args.build())).result();
                for (ListMultipartUploadsResult.Upload upload : result.uploads()) {
                    uploads.add(new IncompleteUpload(upload.objectName(), upload.uploadId(),
                            upload.initiated() == null ? Instant.EPOCH : upload.initiated().toInstant()));
                }
                if (!result.isTruncated() || result.nextKeyMarker() == null) {
                    return uploads;
                }
                keyMarker = result.nextKeyMarker();
                uploadIdMarker = result.nextUploadIdMarker();
            }
        } catch (MinioException | RuntimeException e) {
            if (isNoSuchBucket(e)) {
                return List.of();
            }
            throw translateAny("listing incomplete uploads under " + prefix, e);
        }
    }

    @Override
    public void abort(IncompleteUpload upload) {
        try {
            await(asyncClient.abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(bucket)
                    .object(upload.key()).uploadId(upload.uploadId()).build()));
        } catch (MinioException | RuntimeException e) {
            StoreException failure = translateAny("aborting upload " + upload.uploadId() + " of " + upload.key(), e);
            if (!(failure instanceof ObjectMissingException) && !isCode(e, "NoSuchUpload")) {
                throw failure;
            }
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws MinioException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MinioException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof MinioException minio) {
                throw minio;
            }
            throw new MinioException(cause == null ? e : cause);
        }
    }

    private static boolean isNoSuchBucket(Exception e) {
        return isCode(e, "NoSuchBucket");
    }

    private static boolean isCode(Exception e, String code) {
        return e instanceof ErrorResponseException error && code.equals(error.errorResponse().code());
    }

    /**
     * Failures of minio calls: its own exceptions, or unchecked ones (the synchronous client rethrows transport failures
     * of its asynchronous core unwrapped). A failure with an I/O cause (the store unreachable) may pass.
     */
    static StoreException translateAny(String what, Exception e) {
        if (e instanceof StoreException store) {
            return store;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MinioException minio && !(minio.getCause() instanceof IOException)) {
                return translate(what, minio);
            }
            if (cause instanceof IOException) {
                return new StoreException(what + " failed: " + rootMessage(e), true, e);
            }
        }
        return new StoreException(what + " failed: " + rootMessage(e), false, e);
    }

    /**
     * Store errors keep their S3 code; 5xx, throttling and transport failures may pass, the rest do not. Messages
     * never carry credentials: minio's error responses hold codes, keys and request ids only.
     */
    static StoreException translate(String what, MinioException e) {
        if (e instanceof ErrorResponseException error) {
            String code = error.errorResponse().code();
            int status = error.response() == null ? 0 : error.response().code();
            String message = what + " failed: " + code + " (HTTP " + status + ")";
            if (MISSING.contains(code) || status == 404 || status == 412) {
                return new ObjectMissingException(message, e);
            }
            boolean retryable = status >= 500 || status == 429 || status == 408 || "SlowDown".equals(code)
                    || "RequestTimeout".equals(code) || "InternalError".equals(code);
            return new StoreException(message, retryable, e);
        }
        if (e instanceof ServerException) {
            return new StoreException(what + " failed: " + e.getMessage(), true, e);
        }
        return new StoreException(what + " failed: " + rootMessage(e), true, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
