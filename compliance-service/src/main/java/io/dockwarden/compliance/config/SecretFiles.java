package io.dockwarden.compliance.config;

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
import org.springframework.core.env.MapPropertySource;

/**
 * Reads secret settings from the files that {@code <SETTING>_FILE} environment variables name (Docker and Kubernetes
 * secrets), so that secrets need not sit in the environment. A setting given directly still wins.
 */
public final class SecretFiles implements EnvironmentPostProcessor {

    static final Map<String, String> SECRETS = Map.of(
            "DOCKWARDEN_COMPLIANCE_S3_ACCESS_KEY_FILE", "dockwarden.compliance.s3.access-key",
            "DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY_FILE", "dockwarden.compliance.s3.secret-key");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        SECRETS.forEach((variable, property) -> {
            String file = environment.getProperty(variable);
            if (file != null && !file.isBlank() && environment.getProperty(property) == null) {
                values.put(property, read(variable, Path.of(file.strip())));
            }
        });
        if (!values.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("dockwarden-secret-files", values));
        }
    }

    private static String read(String variable, Path file) {
        try {
            // Secret files usually end with a newline that is not part of the secret.
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(variable + " names " + file + ", which cannot be read", e);
        }
    }
}
