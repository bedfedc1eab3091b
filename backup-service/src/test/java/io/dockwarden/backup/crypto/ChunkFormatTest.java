package io.dockwarden.backup.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkFormatTest {

    private static final int CHUNK = 4096;
    private static final String CONTEXT = "backup/20261123T000000Z-000000000001/archive";
    private final EncryptionKey key = EncryptionKey.of(bytes(32, 1), null);
    private final KeyRing keys = new KeyRing(key, List.of());

    @Test
    void roundTripsStreamsOfEveryLengthAroundChunkBoundaries() throws IOException {
        for (int length : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17}) {
            byte[] plain = bytes(length, length);
            byte[] sealed = encrypt(plain, CONTEXT);
            assertThat(decrypt(sealed, keys, CONTEXT)).as("length %d", length).isEqualTo(plain);
        }
    }

    @Test
    void eachChunkButTheLastHoldsExactlyOneChunkOfPlaintext() throws IOException {
        byte[] sealed = encrypt(bytes(2 * CHUNK, 3), CONTEXT);
        int header = headerLength(sealed);
        int chunkOnDisk = 1 + 12 + 4 + CHUNK + 16;
        // Two full chunks, the second one final: nothing sealed before more data proved the first was not the end.
        assertThat(sealed.length).isEqualTo(header + 2 * chunkOnDisk);
        assertThat(sealed[header]).isEqualTo((byte) 0);
        assertThat(sealed[header + chunkOnDisk]).isEqualTo((byte) 1);
    }

    @Test
    void aFlippedBitAnywhereAfterTheHeaderFailsAuthentication() throws IOException {
        byte[] sealed = encrypt(bytes(3 * CHUNK + 5, 4), CONTEXT);
        int header = headerLength(sealed);
        for (int position : new int[] {header + 20, header + 5000, sealed.length / 2, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> decrypt(tampered, keys, CONTEXT)).as("bit flipped at %d", position)
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void truncationAtAChunkBoundaryIsDetected() throws IOException {
        byte[] sealed = encrypt(bytes(3 * CHUNK + 5, 5), CONTEXT);
        int header = headerLength(sealed);
        int chunkOnDisk = 1 + 12 + 4 + CHUNK + 16;
        byte[] cut = Arrays.copyOf(sealed, header + 2 * chunkOnDisk);
        assertThatThrownBy(() -> decrypt(cut, keys, CONTEXT)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void markingAnEarlierChunkFinalOrSwappingChunksFailsAuthentication() throws IOException {
        byte[] sealed = encrypt(bytes(3 * CHUNK + 5, 6), CONTEXT);
        int header = headerLength(sealed);
        int chunkOnDisk = 1 + 12 + 4 + CHUNK + 16;
        byte[] forgedEnd = Arrays.copyOf(sealed, header + chunkOnDisk);
        forgedEnd[header] = 1;
        assertThatThrownBy(() -> decrypt(forgedEnd, keys, CONTEXT)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("chunk 0 failed authentication");

        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, header + chunkOnDisk, swapped, header, chunkOnDisk);
        System.arraycopy(sealed, header, swapped, header + chunkOnDisk, chunkOnDisk);
        assertThatThrownBy(() -> decrypt(swapped, keys, CONTEXT)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("chunk 0 failed authentication");
    }

    @Test
    void appendedDataAfterTheFinalChunkIsRefused() throws IOException {
        byte[] sealed = encrypt(bytes(100, 7), CONTEXT);
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> decrypt(longer, keys, CONTEXT)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("data follows the final chunk");
    }

    @Test
    void anotherBackupsObjectIsRefusedEvenWithTheRightKey() throws IOException {
        byte[] sealed = encrypt(bytes(100, 8), "backup/other/archive");
        assertThatThrownBy(() -> decrypt(sealed, keys, CONTEXT)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("belongs to 'backup/other/archive'");
    }

    @Test
    void aKeyThatIsNotConfiguredIsNamedByIdAndAWrongKeyUnderTheSameIdFailsAuthentication() throws IOException {
        byte[] sealed = encrypt(bytes(100, 9), CONTEXT);
        KeyRing other = new KeyRing(EncryptionKey.of(bytes(32, 2), null), List.of());
        assertThatThrownBy(() -> decrypt(sealed, other, CONTEXT)).isInstanceOf(KeyNotAvailableException.class)
                .hasMessageContaining(key.id()).hasMessageContaining("not configured");

        KeyRing impostor = new KeyRing(EncryptionKey.of(bytes(32, 2), key.id()), List.of());
        assertThatThrownBy(() -> decrypt(sealed, impostor, CONTEXT)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("key is wrong");
    }

    @Test
    void previousKeysStillDecryptAfterARotation() throws IOException {
        byte[] sealed = encrypt(bytes(100, 10), CONTEXT);
        KeyRing rotated = new KeyRing(EncryptionKey.of(bytes(32, 3), null), List.of(key));
        assertThat(decrypt(sealed, rotated, CONTEXT)).isEqualTo(bytes(100, 10));
    }

    @Test
    void keysParseFromBase64OrHexAndNeverShowInMessages() {
        String hex = "00".repeat(31) + "ff";
        EncryptionKey fromHex = EncryptionKey.parse(hex, null);
        EncryptionKey fromBase64 = EncryptionKey.parse(java.util.Base64.getEncoder().encodeToString(
                java.util.HexFormat.of().parseHex(hex)) + "\n", null);
        assertThat(fromHex.id()).isEqualTo(fromBase64.id()).hasSize(16);
        assertThat(fromHex.toString()).doesNotContain(hex);
        assertThatThrownBy(() -> EncryptionKey.parse("c2hvcnQ=", null)).hasMessageContaining("decodes to 5 bytes")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void derivesSubkeysAsRfc5869Says() {
        // RFC 5869, test case 1.
        byte[] okm = Hkdf.derive(java.util.HexFormat.of().parseHex("0b".repeat(22)),
                java.util.HexFormat.of().parseHex("000102030405060708090a0b0c"),
                java.util.HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(java.util.HexFormat.of().formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c"
                + "5db02d56ecc4c5bf34007208d5b887185865");
    }

    private byte[] encrypt(byte[] plain, String context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EncryptingOutputStream encrypting = new EncryptingOutputStream(out, key, context, CHUNK)) {
            // Uneven writes, as a compressor makes them.
            int position = 0;
            Random random = new Random(plain.length);
            while (position < plain.length) {
                int n = Math.min(plain.length - position, 1 + random.nextInt(3000));
                encrypting.write(plain, position, n);
                position += n;
            }
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] sealed, KeyRing keys, String context) throws IOException {
        try (InputStream in = new DecryptingInputStream(new ByteArrayInputStream(sealed), keys, context)) {
            return in.readAllBytes();
        }
    }

    private static int headerLength(byte[] sealed) {
        int keyIdLength = sealed[4 + 1 + 1 + 4 + 32] & 0xff;
        int contextOffset = 4 + 1 + 1 + 4 + 32 + 1 + keyIdLength;
        int contextLength = ByteBuffer.wrap(sealed, contextOffset, 2).getShort() & 0xffff;
        return contextOffset + 2 + contextLength;
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
