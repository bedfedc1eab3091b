package io.dockwarden.backup.s3;

import io.dockwarden.backup.BackupProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the store answers and the bucket exists (or may be created on first use). */
class S3HealthIndicator extends AbstractHealthIndicator {

    private final S3ObjectStore store;
    private final BackupProperties properties;

    S3HealthIndicator(S3ObjectStore store, BackupProperties properties) {
        super("S3 health check failed");
        this.store = store;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean exists = store.bucketExists();
        builder.withDetail("endpoint", properties.s3().endpoint())
                .withDetail("bucket", properties.s3().bucket())
                .withDetail("bucketExists", exists);
        if (exists || properties.s3().createBucket()) {
            builder.up();
        } else {
            builder.down().withDetail("problem", "the bucket does not exist and creating it is disabled");
        }
    }
}
