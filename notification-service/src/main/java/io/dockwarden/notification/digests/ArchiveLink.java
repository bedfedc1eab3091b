package io.dockwarden.notification.digests;

import java.time.Instant;

/**
 * A time-limited link to an archived format of a report.
 *
 * @param format html, csv or sarif
 * @param url a presigned GET URL
 * @param expiresAt when the URL stops working
 * @param sha256 the object's SHA-256, to check the download
 * @param sizeBytes the object's size
 */
public record ArchiveLink(String format, String url, Instant expiresAt, String sha256, long sizeBytes) {
}
