package io.dockwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesEnvironmentPostProcessorTest {

    @TempDir
    Path directory;

    @Test
    void readsTheFileEachVariableNamesWithoutItsTrailingNewline() throws Exception {
        Path key = Files.writeString(directory.resolve("key"), "c2VjcmV0\n");
        Map<String, Object> secrets = SecretFilesEnvironmentPostProcessor.secretsFrom(Map.of(
                "DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE", key.toString(),
                "DOCKWARDEN_BACKUP_S3_SECRET_KEY", "plain",
                "OTHER_FILE", key.toString()));
        assertThat(secrets).containsExactly(Map.entry("DOCKWARDEN_BACKUP_ENCRYPTION_KEY", "c2VjcmV0"));
    }

    @Test
    void anUnreadableFileFailsNamingTheVariableButNoContent() {
        Path missing = directory.resolve("missing");
        assertThatThrownBy(() -> SecretFilesEnvironmentPostProcessor.secretsFrom(Map.of(
                "DOCKWARDEN_BACKUP_S3_SECRET_KEY_FILE", missing.toString())))
                .hasMessageContaining("DOCKWARDEN_BACKUP_S3_SECRET_KEY_FILE").hasMessageContaining("cannot be read");
    }
}
