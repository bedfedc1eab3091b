package io.dockwarden.notification.digests;

import io.dockwarden.events.report.ReportPublished;
import java.util.List;

/** Time-limited links to the archived formats of a report. */
public interface ArchiveLinks {

    /** Links for the formats people open (HTML, CSV, SARIF); empty when no archive is configured. */
    List<ArchiveLink> linksFor(ReportPublished report);

    static ArchiveLinks none() {
        return report -> List.of();
    }
}
