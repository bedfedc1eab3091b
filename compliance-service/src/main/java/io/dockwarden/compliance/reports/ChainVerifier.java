package io.dockwarden.compliance.reports;

import io.dockwarden.compliance.reports.ChainVerification.BrokenLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Walks the archived reports oldest first and checks every link: each report's {@code previousSha256} is the
 * SHA-256 of the report before it, each artifact (CSV, HTML, SARIF) still has the hash its JSON recorded, and the
 * newest report has the hash recorded outside the archive when it was published. Stops at the first break.
 */
public final class ChainVerifier {

    private final ReportArchive archive;
    private final ChainAnchor anchor;
    private final ReportKeys keys;

    public ChainVerifier(ReportArchive archive, ChainAnchor anchor, ReportKeys keys) {
        this.archive = archive;
        this.anchor = anchor;
        this.keys = keys;
    }

    public ChainVerification verify(Instant now) {
        List<String> reportKeys = archive.reportKeys();
        List<String> notes = new ArrayList<>();
        String previousId = null;
        String previousSha = null;
        int checked = 0;
        for (String key : reportKeys) {
            String reportId = keys.reportIdOf(key).orElse(key);
            Optional<byte[]> content = archive.read(key);
            if (content.isEmpty()) {
                return broken(checked, now, notes, reportId, key, previousId, "the report disappeared while the chain "
                        + "was walked");
            }
            String sha = Hashes.sha256(content.get());
            JsonNode json;
            try {
                json = JsonReportFormat.MAPPER.readTree(content.get());
            } catch (JacksonException e) {
                return broken(checked, now, notes, reportId, key, previousId, "not a readable report: "
                        + e.getOriginalMessage());
            }
            checked++;
            String innerId = text(json, "reportId");
            if (!reportId.equals(innerId)) {
                return broken(checked, now, notes, reportId, key, null, "the report inside says it is " + innerId
                        + ", but it is archived as " + reportId);
            }
            String linked = text(json, "previousSha256");
            if (previousSha == null) {
                if (linked != null) {
                    notes.add("the chain starts at " + reportId + ", which links to a report no longer archived ("
                            + linked + ")");
                }
            } else if (linked == null) {
                return broken(checked, now, notes, reportId, key, previousId, "previousSha256 is missing, but "
                        + previousId + " precedes it");
            } else if (!linked.equals(previousSha)) {
                return broken(checked, now, notes, reportId, key, previousId, "previousSha256 is " + linked
                        + ", but " + previousId + " hashes to " + previousSha + ": " + previousId
                        + " was changed after " + reportId + " was generated, or this link was");
            }
            for (JsonNode artifact : json.path("artifacts")) {
                String artifactKey = text(artifact, "key");
                String recorded = text(artifact, "sha256");
                if (artifactKey == null || recorded == null) {
                    return broken(checked, now, notes, reportId, key, null, "an artifact entry lacks key or sha256");
                }
                Optional<byte[]> artifactContent = archive.read(artifactKey);
                if (artifactContent.isEmpty()) {
                    return broken(checked, now, notes, reportId, artifactKey, null, "the "
                            + text(artifact, "format") + " artifact is missing");
                }
                String actual = Hashes.sha256(artifactContent.get());
                if (!actual.equals(recorded)) {
                    return broken(checked, now, notes, reportId, artifactKey, null, "the " + text(artifact, "format")
                            + " artifact hashes to " + actual + ", but the report recorded " + recorded);
                }
            }
            previousId = reportId;
            previousSha = sha;
        }
        Optional<ChainAnchor.ChainHead> head = anchor.head();
        if (head.isPresent()) {
            ChainAnchor.ChainHead recorded = head.get();
            if (!reportKeys.contains(recorded.key())) {
                return broken(checked, now, notes, recorded.reportId(), recorded.key(), null,
                        "the newest report recorded at publication is missing from the archive");
            }
            if (recorded.reportId().equals(previousId) && !recorded.sha256().equals(previousSha)) {
                return broken(checked, now, notes, recorded.reportId(), recorded.key(), null,
                        "the newest report hashes to " + previousSha + ", but " + recorded.sha256()
                                + " was recorded when it was published");
            }
            if (!recorded.reportId().equals(previousId)) {
                notes.add("reports after " + recorded.reportId() + " were archived without a recorded head");
            }
        } else if (previousId != null) {
            notes.add("no head was recorded outside the archive; the newest report is checked by its links only");
        }
        return new ChainVerification(true, checked, null, previousId, now, notes);
    }

    private static ChainVerification broken(int checked, Instant now, List<String> notes, String reportId,
            String key, @Nullable String linked, String problem) {
        return new ChainVerification(false, checked, new BrokenLink(reportId, key, linked, problem), null, now, notes);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
