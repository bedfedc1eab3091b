package io.dockwarden.notification.config;

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
 * Reads secrets from files, as container platforms mount them: an environment variable
 * {@code DOCKWARDEN_<SETTING>_FILE} names a file whose content (trimmed) becomes the setting
 * {@code DOCKWARDEN_<SETTING>}, such as {@code dockwarden.notification.email.password} from
 * {@code DOCKWARDEN_NOTIFICATION_EMAIL_PASSWORD_FILE}. A setting given directly wins over its file.
 */
public class SecretFilesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "dockwardenSecretFiles";
    private static final String PREFIX = "DOCKWARDEN_";
    private static final String SUFFIX = "_FILE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> secrets = secretsFrom(environment.getSystemEnvironment());
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

    static Map<String, Object> secretsFrom(Map<String, Object> environment) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()
                    && value != null && !value.toString().isBlank()) {
                Path file = Path.of(value.toString());
                try {
                    secrets.put(name.substring(0, name.length() - SUFFIX.length()),
                            Files.readString(file, StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    // Say which variable and file, never what the file holds.
                    throw new UncheckedIOException("cannot read the secret file named by " + name + ": " + file, e);
                }
            }
        });
        return secrets;
    }
}
