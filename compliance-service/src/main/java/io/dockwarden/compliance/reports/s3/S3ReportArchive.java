package io.dockwarden.compliance.reports.s3;

import io.dockwarden.compliance.reports.ArchiveUnavailableException;
import io.dockwarden.compliance.reports.ReportArchive;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Archived reports in an S3 bucket, created on first use if missing; every object carries its SHA-256. */
final class S3ReportArchive implements ReportArchive {

    private static final Logger log = LoggerFactory.getLogger(S3ReportArchive.class);
    static final String SHA256_METADATA = "sha256";

    private final MinioClient client;
    private final String bucket;
    private final String prefix;
    private volatile boolean bucketChecked;

    S3ReportArchive(MinioClient client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public List<String> reportKeys() {
        ensureBucket();
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                String key = result.get().objectName();
                if (key.endsWith("/report.json")) {
                    keys.add(key);
                }
            }
        } catch (MinioException e) {
            throw new ArchiveUnavailableException("cannot list " + bucket + "/" + prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public Optional<byte[]> read(String key) {
        ensureBucket();
        try (GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
                .build())) {
            return Optional.of(response.readAllBytes());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new ArchiveUnavailableException("cannot read " + bucket + "/" + key, e);
        } catch (MinioException | IOException e) {
            throw new ArchiveUnavailableException("cannot read " + bucket + "/" + key, e);
        }
    }

    @Override
    public void write(String key, byte[] content, String contentType, String sha256) {
        ensureBucket();
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), (long) content.length, null)
                    .contentType(contentType)
                    .userMetadata(Map.of(SHA256_METADATA, sha256))
                    .build());
        } catch (MinioException e) {
            throw new ArchiveUnavailableException("cannot write " + bucket + "/" + key, e);
        }
    }

    @Override
    public String location() {
        return bucket;
    }

    /** Whether the bucket can be reached now, for health. */
    boolean reachable() throws MinioException {
        return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    private void ensureBucket() {
        if (bucketChecked) {
            return;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                log.info("Created the report bucket {}", bucket);
            }
            bucketChecked = true;
        } catch (MinioException e) {
            throw new ArchiveUnavailableException("cannot reach or create the report bucket " + bucket, e);
        }
    }
}
