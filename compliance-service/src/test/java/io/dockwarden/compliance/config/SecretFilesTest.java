package io.dockwarden.compliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class SecretFilesTest {

    @TempDir
    Path directory;

    @Test
    void readsASecretFromTheFileItsVariableNames() throws Exception {
        Path file = Files.writeString(directory.resolve("secret-key"), "s3cr3t\n");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY_FILE", file.toString());
        new SecretFiles().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("dockwarden.compliance.s3.secret-key")).isEqualTo("s3cr3t");
    }

    @Test
    void aValueGivenDirectlyWins() throws Exception {
        Path file = Files.writeString(directory.resolve("access-key"), "from-file");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DOCKWARDEN_COMPLIANCE_S3_ACCESS_KEY_FILE", file.toString())
                .withProperty("dockwarden.compliance.s3.access-key", "direct");
        new SecretFiles().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("dockwarden.compliance.s3.access-key")).isEqualTo("direct");
    }

    @Test
    void aMissingFileStopsStartUpNamingTheVariableButNotTheSecret() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY_FILE", directory.resolve("absent").toString());
        assertThatThrownBy(() -> new SecretFiles().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY_FILE");
    }
}
