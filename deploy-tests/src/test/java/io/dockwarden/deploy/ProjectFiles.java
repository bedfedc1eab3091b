package io.dockwarden.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where the deployment files are, and what the tests know about the four services. */
final class ProjectFiles {

    static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "inventory-service", 8081,
            "compliance-service", 8082,
            "backup-service", 8083,
            "notification-service", 8084);

    static final List<String> SERVICES = SERVICE_PORTS.keySet().stream().sorted().toList();

    static final int SERVICE_USER_ID = 10001;

    private ProjectFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("dockwarden.projectRoot", "..")).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComposeFile compose() {
        return ComposeFile.load(file("docker-compose.yml"));
    }

    static ComposeFile portsOverride() {
        return ComposeFile.load(file("docker-compose.override.yml"));
    }

    static ComposeFile localOverride() {
        return ComposeFile.load(file("docker-compose.local.yml"));
    }
}
