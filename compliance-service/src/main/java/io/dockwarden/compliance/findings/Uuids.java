package io.dockwarden.compliance.findings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUIDs (version 5, RFC 9562): the same name always gives the same id, on every instance. */
public final class Uuids {

    /** The namespace of every Dockwarden compliance id. */
    private static final UUID NAMESPACE = UUID.fromString("6c1d3f4e-8a8f-5d52-9a3c-0b7f2e51c9a4");

    private static final byte[] NAMESPACE_BYTES = ByteBuffer.allocate(16)
            .putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits()).array();
    /** Digests are not thread-safe and costly to look up; one per thread serves every id. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    });

    private Uuids() {
    }

    public static String v5(String name) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(NAMESPACE_BYTES);
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    /** The stable id of the finding of one check on one container (or engine, without container). */
    public static String findingId(String hostId, @org.jspecify.annotations.Nullable String containerId,
            String checkId) {
        return v5("finding:" + hostId + "/" + (containerId == null ? "host" : containerId) + "/" + checkId);
    }
}
