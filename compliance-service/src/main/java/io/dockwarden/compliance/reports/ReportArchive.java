package io.dockwarden.compliance.reports;

import java.util.List;
import java.util.Optional;

/** Where reports are archived (an S3 bucket); keys are date-based, so key order is chronological. */
public interface ReportArchive {

    /** Keys of every archived report JSON object, in key order. */
    List<String> reportKeys();

    Optional<byte[]> read(String key);

    void write(String key, byte[] content, String contentType, String sha256);

    /** Where objects live, for the published event: the bucket. */
    String location();
}
