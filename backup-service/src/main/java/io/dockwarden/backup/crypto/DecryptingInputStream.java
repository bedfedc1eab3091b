package io.dockwarden.backup.crypto;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads an object in the {@link ChunkFormat}, releasing a chunk's plaintext only after its tag checked out, and
 * failing with {@link AuthenticationException} on any modification, truncation, reordering, appended data, a foreign
 * context or a wrong key. Holds one chunk in memory.
 */
public final class DecryptingInputStream extends InputStream {

    private final DataInputStream in;
    private final ChunkFormat.Header header;
    private final byte[] headerDigest;
    private final SecretKeySpec subkey;
    private final Cipher cipher;
    private final byte[] sealed;
    private final byte[] plain;
    private int plainLength;
    private int plainPosition;
    private long chunkIndex;
    private boolean finalSeen;

    /**
     * Reads and checks the header.
     *
     * @param source the encrypted object
     * @param keys the keys that may have encrypted it
     * @param expectedContext what the object must be, such as {@code backup/<id>/archive}
     * @throws KeyNotAvailableException if the key the header names is not in the ring
     * @throws AuthenticationException if the header is not this format's or names another context
     */
    public DecryptingInputStream(InputStream source, KeyRing keys, String expectedContext) throws IOException {
        this.in = new DataInputStream(source);
        this.header = ChunkFormat.Header.read(in);
        EncryptionKey key = keys.find(header.keyId())
                .orElseThrow(() -> new KeyNotAvailableException(header.keyId(), keys.ids()));
        if (!header.context().equals(expectedContext)) {
            throw new AuthenticationException("the object belongs to '" + header.context() + "', not to '"
                    + expectedContext + "'");
        }
        this.headerDigest = header.digest();
        this.subkey = new SecretKeySpec(Hkdf.derive(key.material(), header.salt(),
                ChunkFormat.subkeyInfo(header.context()), EncryptionKey.LENGTH), "AES");
        this.sealed = new byte[header.chunkSize() + ChunkFormat.TAG_LENGTH];
        this.plain = new byte[header.chunkSize()];
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    /** The id of the key the object was encrypted with. */
    public String keyId() {
        return header.keyId();
    }

    /** Chunks authenticated so far. */
    public long chunksAuthenticated() {
        return chunkIndex;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (plainPosition == plainLength) {
            if (finalSeen) {
                return -1;
            }
            openNextChunk();
        }
        int take = Math.min(length, plainLength - plainPosition);
        System.arraycopy(plain, plainPosition, buffer, offset, take);
        plainPosition += take;
        return take;
    }

    private void openNextChunk() throws IOException {
        int flags = in.read();
        if (flags < 0) {
            throw new AuthenticationException("the object is truncated: it ends after chunk " + (chunkIndex - 1)
                    + " without a final chunk");
        }
        if ((flags & ~ChunkFormat.FLAG_FINAL) != 0) {
            throw new AuthenticationException("chunk " + chunkIndex + " has unknown flags " + flags);
        }
        boolean last = (flags & ChunkFormat.FLAG_FINAL) != 0;
        byte[] nonce = new byte[ChunkFormat.NONCE_LENGTH];
        int sealedLength;
        try {
            in.readFully(nonce);
            sealedLength = in.readInt();
            if (sealedLength < ChunkFormat.TAG_LENGTH || sealedLength > sealed.length
                    || (!last && sealedLength != sealed.length)) {
                throw new AuthenticationException("chunk " + chunkIndex + " has an invalid length " + sealedLength
                        + ": the object was modified");
            }
            in.readFully(sealed, 0, sealedLength);
        } catch (EOFException e) {
            throw new AuthenticationException("the object is truncated: it ends inside chunk " + chunkIndex);
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, subkey, new GCMParameterSpec(ChunkFormat.TAG_LENGTH * 8, nonce));
            cipher.updateAAD(ChunkFormat.associatedData(headerDigest, chunkIndex, flags));
            plainLength = cipher.doFinal(sealed, 0, sealedLength, plain, 0);
        } catch (AEADBadTagException e) {
            throw new AuthenticationException("chunk " + chunkIndex + " failed authentication: the object was"
                    + " modified, reordered or cut short, or the key is wrong", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("decrypting chunk " + chunkIndex + " failed", e);
        }
        plainPosition = 0;
        chunkIndex++;
        if (last) {
            finalSeen = true;
            if (in.read() >= 0) {
                throw new AuthenticationException("data follows the final chunk " + (chunkIndex - 1)
                        + ": the object was modified");
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
