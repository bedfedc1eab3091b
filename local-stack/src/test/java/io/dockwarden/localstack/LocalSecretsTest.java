package io.dockwarden.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path directory;

    @Test
    void createsASecretReadableByItsOwnerOnlyAndKeepsItOnTheNextStart() throws Exception {
        Path file = directory.resolve("nested").resolve("backup-encryption.key");

        LocalSecrets.Created first = LocalSecrets.ensure(file, 32, "");
        String value = LocalSecrets.read(file);
        LocalSecrets.Created second = LocalSecrets.ensure(file, 32, "");

        assertThat(first.isNew()).isTrue();
        assertThat(second.isNew()).isFalse();
        assertThat(LocalSecrets.read(file)).isEqualTo(value);
        assertThat(java.util.Base64.getDecoder().decode(value)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void prefixesWebhookSecretsTheStandardWebhooksWay() {
        Path file = directory.resolve("webhook-secret");
        LocalSecrets.ensure(file, 24, "whsec_");
        assertThat(LocalSecrets.read(file)).startsWith("whsec_");
    }
}
