package io.dockwarden.backup.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids of backups, restores and verifications. They derive from the request, so that a command delivered twice (or
 * published by two schedulers) names the same backup; they start with the request time, so that they sort by it.
 * Shape: {@code 20261123T170102Z-1a2b3c4d5e6f}.
 */
public final class BackupId {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{12}");

    private BackupId() {
    }

    /** The id of the work a request asks for; {@code kind} keeps ids of different work apart. */
    public static String of(String kind, String requestId, Instant requestedAt) {
        return TIME.format(requestedAt) + "-" + HexFormat.of().formatHex(sha256(kind + "\n" + requestId), 0, 6);
    }

    public static boolean isValid(String id) {
        return SHAPE.matcher(id).matches();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
