package io.dockwarden.compliance.reports;

import java.util.Optional;

/**
 * A record of the latest report's hash kept outside the archive, so that tampering with the newest report, which no
 * later report links to, is detected too.
 */
public interface ChainAnchor {

    Optional<ChainHead> head();

    void record(ChainHead head);

    /**
     * The newest link of the chain.
     *
     * @param reportId the report
     * @param key its JSON object's key
     * @param sha256 the SHA-256 of its JSON object
     */
    record ChainHead(String reportId, String key, String sha256) {
    }
}
