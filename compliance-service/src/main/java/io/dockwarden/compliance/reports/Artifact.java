package io.dockwarden.compliance.reports;

/**
 * Another format of the same report, archived beside its JSON; the JSON lists them so that the hash chain covers
 * them too.
 *
 * @param format csv, html or sarif
 * @param key the object key
 * @param sha256 the object's SHA-256, hex
 * @param sizeBytes the object's size
 */
public record Artifact(String format, String key, String sha256, long sizeBytes) {
}
