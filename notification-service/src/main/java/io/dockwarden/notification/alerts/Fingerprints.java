package io.dockwarden.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Fingerprints of alerts: 16 hex digits of the SHA-256 of the identifying labels, in name order. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(Map<String, String> identifyingLabels) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(identifyingLabels).forEach((name, value) ->
                text.append(name).append('\u0000').append(value).append('\u0001'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
