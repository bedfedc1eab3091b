package io.dockwarden.stream;

import java.io.IOException;
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
 * Reads secrets from files, as Docker and Kubernetes mount them: an environment variable
 * {@code DOCKWARDEN_<SETTING>_FILE} names a file whose content, without surrounding whitespace, becomes the setting
 * {@code DOCKWARDEN_<SETTING>} (for example {@code dockwarden.backup.encryption.key} from
 * {@code DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE}). Only settings named as secrets are read this way (ending in
 * {@code KEY}, {@code KEYS}, {@code SECRET}, {@code PASSWORD}, {@code TOKEN} or {@code CREDENTIALS}), so that settings
 * that are themselves paths, such as {@code DOCKWARDEN_NOTIFICATION_ROUTING_FILE}, are left alone. A setting given
 * directly wins over its file. Values are never logged; a file that cannot be read stops the service with the
 * variable's and the file's names only.
 */
public class SecretFilesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "dockwardenSecretFiles";
    private static final String PREFIX = "DOCKWARDEN_";
    private static final String SUFFIX = "_FILE";
    private static final java.util.List<String> SECRET_ENDINGS =
            java.util.List.of("_KEY", "_KEYS", "_SECRET", "_PASSWORD", "_TOKEN", "_CREDENTIALS");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> secrets = secretsFrom(systemEnvironment(environment));
        if (secrets.isEmpty()) {
            return;
        }
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(SOURCE_NAME, secrets);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    private static boolean namesASecret(String setting) {
        return SECRET_ENDINGS.stream().anyMatch(setting::endsWith);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> systemEnvironment(ConfigurableEnvironment environment) {
        var source = environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        return source != null && source.getSource() instanceof Map<?, ?> variables ? (Map<String, Object>) variables
                : environment.getSystemEnvironment();
    }

    static Map<String, Object> secretsFrom(Map<String, Object> environment) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()
                    && namesASecret(name.substring(0, name.length() - SUFFIX.length()))
                    && value != null && !value.toString().isBlank()) {
                Path file = Path.of(value.toString().strip());
                try {
                    secrets.put(name.substring(0, name.length() - SUFFIX.length()),
                            Files.readString(file, StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    // Name the variable and the file, never what the file holds.
                    throw new IllegalStateException(name + " names " + file + ", which cannot be read ("
                            + e.getClass().getSimpleName() + ")");
                }
            }
        });
        return secrets;
    }
}
