package io.dockwarden.testsupport.s3;

import io.dockwarden.testsupport.FreePorts;
import io.minio.BucketExistsArgs;
import io.minio.ListMultipartUploadsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3-compatible server (s3proxy, file-system backend) on a loopback port that checks SigV4 signatures. It can be
 * stopped and started again on the same port with the same data, to test S3 outages.
 */
public final class S3Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3Server.class);
    public static final String REGION = "us-east-1";

    private static @Nullable S3Server shared;

    private final Path dataDirectory;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private @Nullable S3Proxy proxy;

    private S3Server(Path dataDirectory, int port, String accessKey, String secretKey) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** The server shared by every test of this JVM. */
    public static synchronized S3Server shared() {
        if (shared == null) {
            S3Server server = dedicated();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** A server of its own, for tests that stop and restart it; the caller closes it. */
    public static S3Server dedicated() {
        try {
            S3Server server = new S3Server(Files.createTempDirectory("dockwarden-s3-"), FreePorts.next(),
                    "dockwarden-test", "dockwarden-test-secret-" + Long.toHexString(System.nanoTime()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server whose objects live in a directory of the caller's (the local stack), with given credentials. */
    public static S3Server persistent(Path dataDirectory, int port, String accessKey, String secretKey) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        S3Server server = new S3Server(dataDirectory.toAbsolutePath(), port, accessKey, secretKey);
        server.start();
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public synchronized boolean isRunning() {
        return proxy != null;
    }

    public synchronized void start() {
        if (proxy != null) {
            return;
        }
        S3Proxy started = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dataDirectory.toString()))
                .endpoint(URI.create(endpoint()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            started.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the S3 server on port " + port, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"STARTED".equals(started.getState()) && System.nanoTime() < deadline) {
            sleep();
        }
        proxy = started;
        log.info("S3 server ready at {} (data in {})", endpoint(), dataDirectory);
    }

    /** Stops serving; clients get connection errors until {@link #start()}. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the S3 server", e);
        }
        proxy = null;
    }

    public MinioClient client() {
        return MinioClient.builder().endpoint(endpoint()).region(REGION).credentials(accessKey, secretKey).build();
    }

    public void createBucket(String bucket) {
        try (MinioClient client = client()) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create bucket " + bucket, e);
        }
    }

    /** Keys of the objects under a prefix, recursively, in key order. */
    public List<String> objectKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        try (MinioClient client = client()) {
            for (Result<Item> result : client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                keys.add(result.get().objectName());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list " + bucket + "/" + prefix, e);
        }
        return keys;
    }

    /** Multipart uploads started and neither completed nor aborted: what a crashed upload leaves behind. */
    public List<String> incompleteUploads(String bucket) {
        List<String> uploads = new ArrayList<>();
        try (MinioAsyncClient client = MinioAsyncClient.builder().endpoint(endpoint()).region(REGION)
                .credentials(accessKey, secretKey).build()) {
            ListMultipartUploadsResult result = client.listMultipartUploads(
                    ListMultipartUploadsArgs.builder().bucket(bucket).build())
                    .get(30, TimeUnit.SECONDS).result();
            result.uploads().forEach(upload -> uploads.add(upload.objectName() + "#" + upload.uploadId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list multipart uploads of " + bucket, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list multipart uploads of " + bucket, e);
        }
        return uploads;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
