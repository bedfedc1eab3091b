package io.dockwarden.notification.digests.archive;

import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.notification.digests.ArchiveLink;
import io.dockwarden.notification.digests.ArchiveLinks;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.Http;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presigned GET URLs (SigV4, computed locally by minio-java without a request) for the archived HTML, CSV and SARIF
 * of a report, valid for the configured time (at most the 7 days SigV4 allows).
 */
public final class PresignedArchiveLinks implements ArchiveLinks {

    private static final Logger log = LoggerFactory.getLogger(PresignedArchiveLinks.class);
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final MinioClient client;
    private final Duration expiry;
    private final Set<String> formats;
    private final Clock clock;

    public PresignedArchiveLinks(MinioClient client, Duration expiry, Set<String> formats, Clock clock) {
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("link expiry must be between 1 second and 7 days");
        }
        this.client = client;
        this.expiry = expiry;
        this.formats = formats;
        this.clock = clock;
    }

    @Override
    public List<ArchiveLink> linksFor(ReportPublished report) {
        List<ArchiveLink> links = new ArrayList<>();
        Instant expiresAt = clock.instant().plus(expiry);
        for (ReportPublished.ArchivedObject object : report.objects()) {
            if (!formats.contains(object.format().toLowerCase(Locale.ROOT))) {
                continue;
            }
            try {
                String url = client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
                        .bucket(report.bucket()).object(object.key()).expiry((int) expiry.toSeconds()).build());
                links.add(new ArchiveLink(object.format(), url, expiresAt, object.sha256(), object.sizeBytes()));
            } catch (Exception e) {
                // A digest without one link is still worth sending.
                log.warn("No link for {} of report {}: {}", object.format(), report.reportId(),
                        e.getClass().getSimpleName());
            }
        }
        return links;
    }
}
