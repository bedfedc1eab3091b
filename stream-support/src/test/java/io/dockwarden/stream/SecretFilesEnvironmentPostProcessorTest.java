package io.dockwarden.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SecretFilesEnvironmentPostProcessorTest {

    @TempDir
    Path directory;

    @Test
    void aFileNamedByAFileVariableBecomesTheSettingWithoutItsTrailingNewline() throws Exception {
        Path key = Files.writeString(directory.resolve("key"), "s3cr3t-value\n");
        StandardEnvironment environment = environmentWith(Map.of("DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE",
                key.toString()));

        new SecretFilesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("dockwarden.backup.encryption.key")).isEqualTo("s3cr3t-value");
    }

    @Test
    void aSettingGivenDirectlyWinsOverItsFile() throws Exception {
        Path file = Files.writeString(directory.resolve("password"), "from-file");
        StandardEnvironment environment = environmentWith(Map.of(
                "DOCKWARDEN_NOTIFICATION_EMAIL_PASSWORD", "direct",
                "DOCKWARDEN_NOTIFICATION_EMAIL_PASSWORD_FILE", file.toString()));

        new SecretFilesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("dockwarden.notification.email.password")).isEqualTo("direct");
    }

    @Test
    void anUnreadableFileStopsTheServiceNamingTheVariableAndNotTheContent() {
        Map<String, Object> variables = Map.of("DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY_FILE",
                directory.resolve("missing").toString());

        assertThatThrownBy(() -> SecretFilesEnvironmentPostProcessor.secretsFrom(variables))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY_FILE")
                .hasMessageContaining("missing");
    }

    @Test
    void variablesOutsideDockwardenAreLeftAlone() {
        assertThat(SecretFilesEnvironmentPostProcessor.secretsFrom(Map.of("JAVA_OPTS_FILE", "/nope",
                "DOCKWARDEN__FILE", "/nope2"))).isEmpty();
    }

    @Test
    void settingsThatAreThemselvesPathsAreNotReadAsSecrets() {
        assertThat(SecretFilesEnvironmentPostProcessor.secretsFrom(Map.of(
                "DOCKWARDEN_NOTIFICATION_ROUTING_FILE", "/etc/dockwarden/routing.yml",
                "DOCKWARDEN_COMPLIANCE_WAIVERS_FILE", "/etc/dockwarden/waivers.yml"))).isEmpty();
    }

    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        environment.getPropertySources().addLast(new MapPropertySource("defaults", Map.of()));
        return environment;
    }
}
