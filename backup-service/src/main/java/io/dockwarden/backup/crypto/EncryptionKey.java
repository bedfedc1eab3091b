package io.dockwarden.backup.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit master key and its id. The id is derived from the key (an HMAC, not a plain hash) so that the manifest can
 * name the key a backup needs without revealing anything about it; the key itself is never printed.
 */
public final class EncryptionKey {

    public static final int LENGTH = 32;
    private static final byte[] KEY_ID_LABEL = "dockwarden backup key id v1".getBytes(StandardCharsets.UTF_8);

    private final String id;
    private final byte[] material;

    private EncryptionKey(String id, byte[] material) {
        this.id = id;
        this.material = material;
    }

    /**
     * Reads a key written as base64 (standard or URL alphabet) or as 64 hex digits.
     *
     * @param text the key; surrounding whitespace (a trailing newline of a key file) is ignored
     * @param explicitId an id to use instead of the derived one, or {@code null}
     * @throws IllegalArgumentException saying what is wrong with the key, never quoting it
     */
    public static EncryptionKey parse(String text, @org.jspecify.annotations.Nullable String explicitId) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the encryption key is empty");
        }
        byte[] material = decode(trimmed);
        if (material.length != LENGTH) {
            throw new IllegalArgumentException("the encryption key must be " + LENGTH + " bytes (256 bits), as base64 or"
                    + " 64 hex digits; the value given decodes to " + material.length + " bytes");
        }
        return of(material, explicitId);
    }

    public static EncryptionKey of(byte[] material, @org.jspecify.annotations.Nullable String explicitId) {
        if (material.length != LENGTH) {
            throw new IllegalArgumentException("an encryption key has " + LENGTH + " bytes, not " + material.length);
        }
        byte[] copy = material.clone();
        String id = explicitId == null || explicitId.isBlank() ? derivedId(copy) : explicitId.strip();
        if (id.length() > 64 || !id.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("a key id has at most 64 characters out of A-Z a-z 0-9 . _ : -");
        }
        return new EncryptionKey(id, copy);
    }

    private static byte[] decode(String text) {
        if (text.length() == LENGTH * 2 && text.matches("[0-9a-fA-F]+")) {
            return HexFormat.of().parseHex(text);
        }
        try {
            return text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the encryption key is neither base64 nor 64 hex digits");
        }
    }

    private static String derivedId(byte[] material) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(KEY_ID_LABEL), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public String id() {
        return id;
    }

    byte[] material() {
        return material;
    }

    @Override
    public String toString() {
        return "EncryptionKey[id=" + id + "]";
    }
}
