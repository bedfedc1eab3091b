package io.dockwarden.compliance.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report ids and object keys: {@code <prefix><yyyy>/<MM>/<dd>/<reportId>/report.<format>}, where the id starts with
 * the UTC generation time, so that keys sort chronologically and the chain order is the key order.
 *
 * @param prefix the key prefix, such as {@code reports/}
 */
public record ReportKeys(String prefix) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final Pattern ID = Pattern.compile("(\\d{8}T\\d{9}Z)-[0-9a-f]{6}");

    public ReportKeys {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
    }

    public static String newId(Instant generatedAt, String randomHex) {
        return ID_TIME.format(generatedAt) + "-" + randomHex;
    }

    public static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    public static Optional<Instant> timeOf(String reportId) {
        Matcher matcher = ID.matcher(reportId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(ID_TIME.parse(matcher.group(1), Instant::from));
    }

    public String folder(String reportId) {
        Instant time = timeOf(reportId).orElseThrow(() -> new IllegalArgumentException("not a report id: "
                + reportId));
        return prefix + FOLDER.format(time) + "/" + reportId + "/";
    }

    public String key(String reportId, ReportFormat format) {
        return folder(reportId) + format.fileName();
    }

    public String jsonKey(String reportId) {
        return folder(reportId) + "report.json";
    }

    /** The report id of a JSON object key, if it is one. */
    public Optional<String> reportIdOf(String key) {
        if (!key.startsWith(prefix) || !key.endsWith("/report.json")) {
            return Optional.empty();
        }
        String folder = key.substring(0, key.length() - "/report.json".length());
        String id = folder.substring(folder.lastIndexOf('/') + 1);
        return isId(id) ? Optional.of(id) : Optional.empty();
    }
}
