package io.dockwarden.notification.alerts;

import io.dockwarden.events.report.ReportPublished;
import java.time.Instant;

/** What a consumed event asks of the service: an alert to route, or a report to digest for subscribers. */
public sealed interface Translation permits Translation.AlertUpdate, Translation.ReportDigest {

    /**
     * An alert fires, changes or resolves.
     *
     * @param alert the alert as the event describes it
     */
    record AlertUpdate(Alert alert) implements Translation {
    }

    /**
     * A report was published.
     *
     * @param report the report
     * @param eventId its {@code ce_id}
     * @param time its {@code ce_time}
     */
    record ReportDigest(ReportPublished report, String eventId, Instant time) implements Translation {
    }
}
