package io.dockwarden.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the local stack makes on first start and keeps under {@code ./.dockwarden}, readable by the owner only: the
 * backup encryption key (losing it means losing the backups), the S3 credentials and the webhook signing secret.
 */
final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /** Returns the file holding the secret, creating it with {@code bytes} random bytes if it does not exist. */
    static Created ensure(Path file, int bytes, String prefix) {
        if (Files.exists(file)) {
            return new Created(file, false);
        }
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        String value = prefix + Base64.getEncoder().encodeToString(random);
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, value, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new Created(file, true);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * A secret file.
     *
     * @param file where it is
     * @param isNew whether this start created it
     */
    record Created(Path file, boolean isNew) {
    }
}
