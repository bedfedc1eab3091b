/** Reports on S3 (minio-java) and Kafka: the archive, the announcement, the schedule. */
@NullMarked
package io.dockwarden.compliance.reports.s3;

import org.jspecify.annotations.NullMarked;
