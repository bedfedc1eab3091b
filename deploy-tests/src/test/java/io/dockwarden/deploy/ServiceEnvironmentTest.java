package io.dockwarden.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The environment the compose files give each service names settings the service has: a renamed property would
 * otherwise be ignored silently and the service run on its defaults. The settings come from each service's
 * {@code spring-configuration-metadata.json}, generated from its {@code @ConfigurationProperties}.
 */
class ServiceEnvironmentTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** Spring Boot and JVM settings the compose files use, which the services' own metadata does not list. */
    private static final Set<String> PLATFORM_SETTINGS = Set.of("SERVER_PORT", "SERVER_ADDRESS",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS", "JDK_JAVA_OPTIONS");

    static Stream<String> services() {
        return ProjectFiles.SERVICES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyVariableNamesASettingOfTheService(String service) {
        Set<String> settings = environmentNames(propertiesOf(service));
        Map<String, String> environment = new LinkedHashMap<>(ProjectFiles.compose().service(service).environment());
        environment.putAll(ProjectFiles.localOverride().service(service).environment());

        assertThat(environment).isNotEmpty();
        environment.keySet().forEach(variable -> {
            if (PLATFORM_SETTINGS.contains(variable)) {
                return;
            }
            // A *_FILE variable names the file holding a setting, unless the setting itself ends in -file.
            String setting = variable.endsWith("_FILE") && !settings.contains(variable)
                    ? variable.substring(0, variable.length() - "_FILE".length()) : variable;
            assertThat(settings).as("%s of %s names no setting of the service", variable, service).contains(setting);
        });
    }

    /**
     * Spring's relaxed binding from the environment: dots become underscores and dashes go, or (the form Spring also
     * reads) dashes become underscores too; all upper case.
     */
    private static Set<String> environmentNames(Set<String> properties) {
        Set<String> names = new TreeSet<>();
        properties.forEach(property -> {
            String upper = property.replace('.', '_').toUpperCase(Locale.ROOT);
            names.add(upper.replace("-", ""));
            names.add(upper.replace('-', '_'));
        });
        return names;
    }

    private static Set<String> propertiesOf(String service) {
        JsonNode metadata = JsonMapper.builder().build().readTree(metadataOf(service));
        Set<String> properties = new TreeSet<>();
        metadata.path("properties").forEach(property -> properties.add(property.path("name").asString()));
        assertThat(properties).as("configuration metadata of %s", service).isNotEmpty();
        return properties;
    }

    /** The metadata from the service's jar (Spring Boot or plain) or classes directory on the class path. */
    private static byte[] metadataOf(String service) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String normalized = path.toString().replace(File.separatorChar, '/');
            boolean ofService = normalized.contains("/io/dockwarden/" + service + "/")
                    || normalized.endsWith("/" + service + "/target/classes")
                    || normalized.endsWith("/" + service + "/target/" + service + ".jar");
            if (!ofService) {
                continue;
            }
            try {
                if (Files.isDirectory(path)) {
                    return Files.readAllBytes(path.resolve(METADATA));
                }
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    ZipEntry metadata = jar.getEntry("BOOT-INF/classes/" + METADATA);
                    if (metadata == null) {
                        metadata = jar.getEntry(METADATA);
                    }
                    assertThat(metadata).as("%s in %s", METADATA, path).isNotNull();
                    try (InputStream in = jar.getInputStream(metadata)) {
                        return in.readAllBytes();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the configuration metadata of " + service, e);
            }
        }
        throw new AssertionError(service + " is not on the test class path");
    }
}
