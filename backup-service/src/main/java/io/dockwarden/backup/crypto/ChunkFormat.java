package io.dockwarden.backup.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The layout of an encrypted object (version 1). All integers are big-endian.
 *
 * <pre>
 * header   magic "DWAE" (4) | version 1 (1) | algorithm 1 (1) | chunk size (4) | salt (32)
 *          | key id length (1) | key id (UTF-8) | context length (2) | context (UTF-8)
 * chunk*   flags (1, bit 0 = final) | nonce (12) | ciphertext length (4) | ciphertext with 16-byte GCM tag
 * </pre>
 *
 * <p>Algorithm 1: AES-256-GCM under a subkey {@code HKDF-SHA256(master key, salt, "dockwarden backup v1 " + context)},
 * a random 96-bit nonce per chunk, and as associated data {@code SHA-256(header) | chunk index (8) | flags (1)}. So a
 * chunk cannot be moved (its index is authenticated), the object cannot be cut short (the last chunk must carry the
 * final flag, which is authenticated too, and nothing may follow it), a header cannot be swapped (its hash is in every
 * chunk), and an object of one backup cannot pass for another's (the context, such as {@code backup/<id>/archive},
 * is in the header and decides the subkey). Every chunk but the last holds exactly {@code chunk size} plaintext bytes.
 */
public final class ChunkFormat {

    static final byte[] MAGIC = {'D', 'W', 'A', 'E'};
    static final int VERSION = 1;
    static final int ALGORITHM_AES_256_GCM_HKDF = 1;
    static final int SALT_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    static final int FLAG_FINAL = 1;
    public static final int MIN_CHUNK_SIZE = 4096;
    public static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;
    private static final int MAX_CONTEXT_LENGTH = 1024;

    private ChunkFormat() {
    }

    /** Whether the first bytes of an object are those of this format. */
    public static boolean isEncrypted(byte[] firstBytes) {
        return firstBytes.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(firstBytes, MAGIC.length), MAGIC);
    }

    /**
     * The header of an encrypted object, as written.
     *
     * @param chunkSize plaintext bytes per chunk
     * @param salt the per-object salt of the subkey
     * @param keyId the id of the master key
     * @param context what the object is, bound into the subkey
     * @param encoded the header's bytes
     */
    record Header(int chunkSize, byte[] salt, String keyId, String context, byte[] encoded) {

        static Header create(int chunkSize, byte[] salt, String keyId, String context) {
            checkChunkSize(chunkSize);
            byte[] keyIdBytes = keyId.getBytes(StandardCharsets.UTF_8);
            byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
            if (keyIdBytes.length > 255 || contextBytes.length > MAX_CONTEXT_LENGTH) {
                throw new IllegalArgumentException("key id or context too long");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(MAGIC);
            out.write(VERSION);
            out.write(ALGORITHM_AES_256_GCM_HKDF);
            out.writeBytes(ByteBuffer.allocate(4).putInt(chunkSize).array());
            out.writeBytes(salt);
            out.write(keyIdBytes.length);
            out.writeBytes(keyIdBytes);
            out.writeBytes(ByteBuffer.allocate(2).putShort((short) contextBytes.length).array());
            out.writeBytes(contextBytes);
            return new Header(chunkSize, salt.clone(), keyId, context, out.toByteArray());
        }

        static Header read(InputStream source) throws IOException {
            DataInputStream in = new DataInputStream(source);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            byte[] magic = readFully(in, MAGIC.length, raw, "the header");
            if (!Arrays.equals(magic, MAGIC)) {
                throw new AuthenticationException("the object is not an encrypted Dockwarden archive (bad magic)");
            }
            int version = readFully(in, 1, raw, "the header")[0] & 0xff;
            if (version != VERSION) {
                throw new AuthenticationException("the object uses format version " + version
                        + ", this service reads version " + VERSION);
            }
            int algorithm = readFully(in, 1, raw, "the header")[0] & 0xff;
            if (algorithm != ALGORITHM_AES_256_GCM_HKDF) {
                throw new AuthenticationException("the object uses unknown cipher algorithm " + algorithm);
            }
            int chunkSize = ByteBuffer.wrap(readFully(in, 4, raw, "the header")).getInt();
            if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
                throw new AuthenticationException("the header names an invalid chunk size " + chunkSize);
            }
            byte[] salt = readFully(in, SALT_LENGTH, raw, "the header");
            int keyIdLength = readFully(in, 1, raw, "the header")[0] & 0xff;
            String keyId = new String(readFully(in, keyIdLength, raw, "the header"), StandardCharsets.UTF_8);
            int contextLength = ByteBuffer.wrap(readFully(in, 2, raw, "the header")).getShort() & 0xffff;
            if (contextLength > MAX_CONTEXT_LENGTH) {
                throw new AuthenticationException("the header names an invalid context length " + contextLength);
            }
            String context = new String(readFully(in, contextLength, raw, "the header"), StandardCharsets.UTF_8);
            return new Header(chunkSize, salt, keyId, context, raw.toByteArray());
        }

        byte[] digest() {
            try {
                return MessageDigest.getInstance("SHA-256").digest(encoded);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void checkChunkSize(int chunkSize) {
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be between " + MIN_CHUNK_SIZE + " and "
                    + MAX_CHUNK_SIZE + " bytes: " + chunkSize);
        }
    }

    static byte[] subkeyInfo(String context) {
        return ("dockwarden backup v1 " + context).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] associatedData(byte[] headerDigest, long chunkIndex, int flags) {
        return ByteBuffer.allocate(headerDigest.length + 9).put(headerDigest).putLong(chunkIndex).put((byte) flags)
                .array();
    }

    private static byte[] readFully(DataInputStream in, int length, ByteArrayOutputStream raw, String what)
            throws IOException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new AuthenticationException("the object is truncated: it ends inside " + what);
        }
        raw.writeBytes(bytes);
        return bytes;
    }
}
