package io.dockwarden.notification.channels;

import io.dockwarden.notification.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures per Standard Webhooks 1.0: HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} with the
 * key that the {@code whsec_<base64>} secret holds, sent as {@code v1,<base64 signature>}; with several secrets (a
 * rotation), one signature per secret, separated by spaces, so that a receiver with either secret can verify.
 */
public final class StandardWebhooks {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    /** The {@code webhook-signature} header value. */
    public static String signature(List<Secret> secrets, String id, long timestampSeconds, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (Secret secret : secrets) {
            header.add("v1," + sign(key(secret), id, timestampSeconds, body));
        }
        return header.toString();
    }

    static String sign(byte[] key, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    static byte[] key(Secret secret) {
        String value = secret.value();
        return Base64.getDecoder().decode(value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value);
    }
}
