package io.dockwarden.compliance.reports;

/** One way of writing a report down. */
public interface ReportFormat {

    /** json, csv, html or sarif: the {@code format} of archived objects and of {@code ?format=}. */
    String name();

    /** The object's file name within the report's folder. */
    String fileName();

    String contentType();

    byte[] render(Report report);
}
