package io.dockwarden.compliance.reports;

import java.time.Instant;
import java.util.Map;

/**
 * An archived report as the list of reports shows it.
 *
 * @param reportId report id
 * @param generatedAt when it was generated
 * @param keys object key per format
 */
public record ReportEntry(String reportId, Instant generatedAt, Map<String, String> keys) {

    public ReportEntry {
        keys = Map.copyOf(keys);
    }
}
