package io.dockwarden.compliance.reports;

import io.dockwarden.events.report.ReportPublished;

/** Announces an archived report; returns once the announcement is durable. */
public interface ReportPublisher {

    void publish(ReportPublished event);
}
