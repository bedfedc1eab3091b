package io.dockwarden.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads secrets from files: for each environment variable {@code DOCKWARDEN_BACKUP_<SETTING>_FILE}, the content of the
 * file it names becomes {@code DOCKWARDEN_BACKUP_<SETTING>} (as Docker and Kubernetes secrets are mounted), ahead of
 * the plain variable. Surrounding whitespace, such as the trailing newline of a key file, is dropped. The values are
 * never logged.
 */
class SecretFilesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PREFIX = "DOCKWARDEN_BACKUP_";
    static final String SUFFIX = "_FILE";
    static final String SOURCE_NAME = "dockwardenBackupSecretFiles";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> secrets = secretsFrom(environment.getSystemEnvironment());
        if (!secrets.isEmpty()) {
            environment.getPropertySources().addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(SOURCE_NAME, secrets));
        }
    }

    /**
     * The secrets the {@code *_FILE} variables point to.
     *
     * @throws IllegalStateException naming the variable and file that cannot be read
     */
    static Map<String, Object> secretsFrom(Map<String, Object> environment) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()
                    && value != null && !value.toString().isBlank()) {
                Path file = Path.of(value.toString().strip());
                try {
                    secrets.put(name.substring(0, name.length() - SUFFIX.length()),
                            Files.readString(file, StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    throw new IllegalStateException(name + " names " + file + ", which cannot be read: "
                            + e.getClass().getSimpleName(), new UncheckedIOException(e));
                }
            }
        });
        return secrets;
    }
}
