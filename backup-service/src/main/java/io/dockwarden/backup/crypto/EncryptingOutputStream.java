package io.dockwarden.backup.crypto;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a stream into the {@link ChunkFormat}: holds at most one chunk of plaintext and one of ciphertext, whatever
 * the stream's length. A chunk is sealed once more data arrives after it is full, so that the last chunk, sealed on
 * {@link #close()}, is the one flagged final.
 */
public final class EncryptingOutputStream extends FilterOutputStream {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cipher cipher;
    private final SecretKeySpec subkey;
    private final byte[] headerDigest;
    private final byte[] plain;
    private final byte[] sealed;
    private int buffered;
    private long chunkIndex;
    private boolean closed;

    /**
     * Writes the header at once.
     *
     * @param target where the encrypted object goes
     * @param key the master key
     * @param context what the object is, such as {@code backup/<id>/archive}; the reader must expect the same
     * @param chunkSize plaintext bytes per chunk
     */
    public EncryptingOutputStream(OutputStream target, EncryptionKey key, String context, int chunkSize)
            throws IOException {
        super(target);
        byte[] salt = new byte[ChunkFormat.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        ChunkFormat.Header header = ChunkFormat.Header.create(chunkSize, salt, key.id(), context);
        this.subkey = new SecretKeySpec(Hkdf.derive(key.material(), salt, ChunkFormat.subkeyInfo(context),
                EncryptionKey.LENGTH), "AES");
        this.headerDigest = header.digest();
        this.plain = new byte[chunkSize];
        this.sealed = new byte[chunkSize + ChunkFormat.TAG_LENGTH];
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
        out.write(header.encoded());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        int position = offset;
        int remaining = length;
        while (remaining > 0) {
            if (buffered == plain.length) {
                seal(0);
            }
            int take = Math.min(remaining, plain.length - buffered);
            System.arraycopy(bytes, position, plain, buffered, take);
            buffered += take;
            position += take;
            remaining -= take;
        }
    }

    private void seal(int flags) throws IOException {
        byte[] nonce = new byte[ChunkFormat.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        int sealedLength;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, subkey, new GCMParameterSpec(ChunkFormat.TAG_LENGTH * 8, nonce));
            cipher.updateAAD(ChunkFormat.associatedData(headerDigest, chunkIndex, flags));
            sealedLength = cipher.doFinal(plain, 0, buffered, sealed, 0);
        } catch (GeneralSecurityException e) {
            throw new IOException("encrypting chunk " + chunkIndex + " failed", e);
        }
        out.write(flags);
        out.write(nonce);
        out.write(ByteBuffer.allocate(4).putInt(sealedLength).array());
        out.write(sealed, 0, sealedLength);
        chunkIndex++;
        buffered = 0;
    }

    /** Chunks sealed so far. */
    public long chunks() {
        return chunkIndex;
    }

    @Override
    public void flush() throws IOException {
        // A chunk is only sealed when full or final; flushing passes on what is sealed already.
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            seal(ChunkFormat.FLAG_FINAL);
            out.flush();
        } finally {
            out.close();
        }
    }
}
