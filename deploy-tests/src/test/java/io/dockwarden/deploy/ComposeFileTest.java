package io.dockwarden.deploy;

import static io.dockwarden.deploy.ProjectFiles.SERVICES;
import static io.dockwarden.deploy.ProjectFiles.SERVICE_PORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dockwarden.deploy.ComposeFile.Mount;
import io.dockwarden.deploy.ComposeFile.Service;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compose deployment's structure: what a platform team relies on when it runs {@code docker compose up}. */
class ComposeFileTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN|CREDENTIAL).*");
    private static final String DOCKER_SOCKET = "/var/run/docker.sock";

    private final ComposeFile compose = ProjectFiles.compose();

    @Test
    void runsKafkaMinioAndTheFourServices() {
        assertThat(compose.services()).containsKeys("kafka", "minio", "minio-init");
        assertThat(compose.services()).containsKeys(SERVICES.toArray(String[]::new));
        assertThat(compose.service("kafka").string("image")).startsWith("apache/kafka:");
        assertThat(compose.service("kafka").environment()).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(compose.service("minio").string("image")).startsWith("minio/minio:");
        assertThat(compose.service("minio-init").string("image")).startsWith("minio/mc:");
    }

    @Test
    void pinsEveryThirdPartyImageToAVersion() {
        compose.services().values().stream().filter(service -> !service.has("build")).forEach(service -> {
            String image = service.string("image");
            assertThat(image).as("image of %s", service.name()).contains(":").doesNotEndWith(":latest");
        });
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        for (Service service : compose.services().values()) {
            if (service.isOneShot()) {
                continue;
            }
            Map<String, Object> healthcheck = service.map("healthcheck");
            assertThat(healthcheck).as("healthcheck of %s", service.name()).containsKey("test");
            assertThat(healthcheck.get("disable")).as("healthcheck of %s", service.name()).isNotEqualTo(true);
            assertThat(String.valueOf(healthcheck.get("test"))).as("healthcheck of %s", service.name())
                    .doesNotContain("NONE");
        }
    }

    @Test
    void theServicesHealthchecksAskActuatorHealthOnTheirOwnPort() {
        for (String name : SERVICES) {
            String test = String.valueOf(compose.service(name).map("healthcheck").get("test"));
            assertThat(test).as("healthcheck of %s", name)
                    .contains("http://127.0.0.1:" + SERVICE_PORTS.get(name) + "/actuator/health");
        }
    }

    @Test
    void everyServiceHasAMemoryLimit() {
        for (Service service : compose.services().values()) {
            assertThat(service.memLimit().or(service::deployMemoryLimit)).as("memory limit of %s", service.name())
                    .hasValueSatisfying(bytes -> assertThat(bytes).isBetween(8L << 20, 4L << 30));
            if (service.memLimit().isPresent() && service.deployMemoryLimit().isPresent()) {
                assertThat(service.deployMemoryLimit()).as("deploy limit of %s", service.name())
                        .isEqualTo(service.memLimit());
            }
        }
    }

    @Test
    void everyDependencyWaitsForHealthOrCompletion() {
        for (Service service : compose.services().values()) {
            service.dependencies().forEach((dependency, condition) -> {
                assertThat(compose.services()).as("dependency of %s", service.name()).containsKey(dependency);
                Service target = compose.service(dependency);
                assertThat(condition).as("%s waiting for %s", service.name(), dependency)
                        .isEqualTo(target.isOneShot() ? "service_completed_successfully" : "service_healthy");
            });
        }
    }

    @Test
    void theServicesStartOnceKafkaIsHealthy() {
        for (String name : SERVICES) {
            assertThat(compose.service(name).dependencies()).as("dependencies of %s", name)
                    .containsEntry("kafka", "service_healthy");
        }
        assertThat(compose.service("minio-init").dependencies()).containsEntry("minio", "service_healthy");
    }

    @Test
    void servicesWritingToS3WaitForTheBuckets() {
        for (Service service : compose.services().values()) {
            boolean writesToS3 = service.environment().keySet().stream()
                    .anyMatch(key -> key.matches("DOCKWARDEN_(COMPLIANCE|BACKUP)_S3_ENDPOINT"));
            if (writesToS3) {
                assertThat(service.dependencies()).as("dependencies of %s", service.name())
                        .containsEntry("minio-init", "service_completed_successfully");
            }
        }
    }

    @Test
    void theFourServicesAreBuiltFromTheSharedDockerfileWithTheirModule() {
        for (String name : SERVICES) {
            Service service = compose.service(name);
            Map<String, Object> build = service.map("build");
            assertThat(build).as("build of %s", name).containsEntry("context", ".")
                    .containsEntry("dockerfile", "docker/Dockerfile");
            assertThat(new Service(name, build).map("args"))
                    .as("build args of %s", name).containsEntry("MODULE", name);
            assertThat(service.string("image")).as("image of %s", name).startsWith("dockwarden/" + name + ":");
        }
        assertThat(ProjectFiles.file("docker/Dockerfile")).isRegularFile();
    }

    @Test
    void theServicesRunHardened() {
        for (String name : SERVICES) {
            Service service = compose.service(name);
            assertThat(service.get("read_only")).as("read_only of %s", name).contains(true);
            assertThat(service.strings("tmpfs")).as("tmpfs of %s", name)
                    .anySatisfy(tmpfs -> assertThat(tmpfs).startsWith("/tmp"));
            assertThat(service.string("user")).as("user of %s", name).isNotIn("root", "0", "0:0");
            assertThat(service.strings("cap_drop")).as("cap_drop of %s", name).contains("ALL");
            assertThat(service.strings("cap_add")).as("cap_add of %s", name).isEmpty();
            assertThat(service.get("privileged")).as("privileged of %s", name).isNotEqualTo(Optional.of(true));
            assertThat(service.strings("security_opt")).as("security_opt of %s", name)
                    .contains("no-new-privileges:true");
            assertThat(service.has("pids_limit")).as("pids_limit of %s", name).isTrue();
            assertThat(service.string("restart")).as("restart policy of %s", name).matches("on-failure(:[1-5])?");
        }
    }

    @Test
    void theJvmsMayMapNativeLibrariesFromTheirTemporaryDirectory() {
        // zstd-jni and snappy unpack their libraries to /tmp: a noexec tmpfs (Docker's default) breaks compression.
        for (String name : SERVICES) {
            assertThat(compose.service(name).strings("tmpfs")).as("tmpfs of %s", name)
                    .anySatisfy(ComposeFileTest::isExecutableTmp);
        }
        assertThat(ProjectFiles.localOverride().service("kafka").strings("tmpfs")).as("tmpfs of the local Kafka")
                .anySatisfy(ComposeFileTest::isExecutableTmp);
    }

    @Test
    void onlyInventoryAndBackupMountTheDockerSocketAndOnlyReadOnly() {
        List<String> mounting = new ArrayList<>();
        for (Service service : compose.services().values()) {
            for (Mount mount : service.mounts()) {
                if (mount.source().equals(DOCKER_SOCKET) || mount.target().equals(DOCKER_SOCKET)) {
                    mounting.add(service.name());
                    assertThat(mount.readOnly()).as("docker socket mount of %s", service.name()).isTrue();
                    assertThat(service.strings("group_add")).as("group_add of %s (the socket's group)",
                            service.name()).hasSize(1);
                }
            }
        }
        assertThat(mounting).containsExactlyInAnyOrder("inventory-service", "backup-service");
    }

    @Test
    void noSecretValueIsWrittenInTheFile() {
        Set<String> declaredSecrets = compose.topLevel("secrets").keySet();
        for (Service service : compose.services().values()) {
            service.environment().forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    assertThat(key).as("%s of %s holds a secret: name a file instead", key, service.name())
                            .endsWith("_FILE");
                    assertThat(value).as("%s of %s", key, service.name()).startsWith("/run/secrets/");
                    String secret = value.substring("/run/secrets/".length());
                    assertThat(declaredSecrets).as("secrets declared for %s", key).contains(secret);
                    assertThat(service.strings("secrets")).as("secrets given to %s", service.name())
                            .contains(secret);
                }
            });
        }
    }

    @Test
    void everySecretIsReadFromAFileThatShipsAsAnExample() {
        Map<String, Object> secrets = compose.topLevel("secrets");
        assertThat(secrets).containsKeys("s3-access-key", "s3-secret-key", "backup-encryption-key");
        secrets.forEach((name, definition) -> {
            String file = String.valueOf(((Map<?, ?>) definition).get("file"));
            assertThat(file).as("file of secret %s", name)
                    .isEqualTo("${DOCKWARDEN_SECRETS_DIR:-./secrets}/" + name);
            assertThat(ProjectFiles.file("secrets/" + name)).as("example of secret %s", name).isRegularFile();
        });
    }

    @Test
    void theServicesReachKafkaAndS3ThroughEnvironmentVariables() {
        for (String name : SERVICES) {
            Map<String, String> environment = compose.service(name).environment();
            assertThat(environment).as("environment of %s", name).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")
                    .containsEntry("SERVER_PORT", String.valueOf(SERVICE_PORTS.get(name)));
        }
        assertThat(compose.service("backup-service").environment())
                .containsEntry("DOCKWARDEN_BACKUP_S3_BUCKET", "dockwarden-backups")
                .containsKey("DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE");
        assertThat(compose.service("compliance-service").environment())
                .containsEntry("DOCKWARDEN_COMPLIANCE_REPORTS_BUCKET", "dockwarden-reports");
        assertThat(compose.service("minio-init").environment().get("S3_BUCKETS"))
                .contains("dockwarden-reports", "dockwarden-backups");
    }

    @Test
    void theBackupHelperImageIsPulledBeforeTheBackupServiceStarts() {
        String helper = compose.service("backup-service").environment().get("DOCKWARDEN_BACKUP_HELPER_IMAGE");
        assertThat(compose.service("backup-helper-image").string("image")).isEqualTo(helper);
        assertThat(compose.service("backup-service").dependencies())
                .containsEntry("backup-helper-image", "service_completed_successfully");
    }

    @Nested
    class PortsOverride {

        private final ComposeFile override = ProjectFiles.portsOverride();

        @Test
        void publishesTheRestApisOnLoopbackOnly() {
            for (String name : SERVICES) {
                int port = SERVICE_PORTS.get(name);
                assertThat(override.service(name).strings("ports")).as("ports of %s", name)
                        .containsExactly("127.0.0.1:" + port + ":" + port);
            }
            override.services().values().forEach(service -> assertThat(service.strings("ports"))
                    .as("ports of %s", service.name()).allMatch(port -> port.startsWith("127.0.0.1:")));
        }

        @Test
        void theBaseFileAloneUsesNoPortsSoThatHostNetworkingCanReplaceIt() {
            compose.services().values().forEach(service -> assertThat(service.has("ports"))
                    .as("ports of %s in docker-compose.yml", service.name()).isFalse());
        }
    }

    @Nested
    class LocalOverride {

        private final ComposeFile local = ProjectFiles.localOverride();

        @Test
        void overridesEveryServiceOfTheBaseFile() {
            assertThat(local.services().keySet()).containsExactlyInAnyOrderElementsOf(compose.services().keySet());
        }

        @Test
        void usesOnlyLocallyBuiltImages() {
            for (Service service : local.services().values()) {
                assertThat(service.string("image")).as("image of %s", service.name()).startsWith("dockwarden-local/");
            }
            for (String name : SERVICES) {
                Service service = local.service(name);
                assertThat(service.string("image")).isEqualTo("dockwarden-local/" + name + ":latest");
                Map<String, Object> args = new Service(name, service.map("build")).map("args");
                assertThat(args).as("build args of %s", name).containsEntry("MODULE", name)
                        .containsEntry("BASE_IMAGE", "dockwarden-local/base:latest");
            }
            assertThat(local.service("minio").string("image")).startsWith("dockwarden-local/s3proxy:");
            assertThat(local.service("kafka").string("image")).startsWith("dockwarden-local/kafka:");
        }

        @Test
        void runsOnTheHostNetworkListeningOnLoopbackOnly() {
            for (Service service : local.services().values()) {
                Service base = compose.service(service.name());
                String networkMode = service.has("network_mode") ? service.string("network_mode")
                        : base.string("network_mode");
                assertThat(networkMode).as("network_mode of %s", service.name())
                        .isEqualTo(base.isOneShot() ? "none" : "host");
                assertThat(service.has("ports")).as("ports of %s", service.name()).isFalse();
            }
            for (String name : SERVICES) {
                Map<String, String> environment = local.service(name).environment();
                assertThat(environment).as("environment of %s", name).containsEntry("SERVER_ADDRESS", "127.0.0.1")
                        .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
                environment.forEach((key, value) -> {
                    if (key.endsWith("_ENDPOINT")) {
                        assertThat(value).as("%s of %s", key, name).isEqualTo("http://127.0.0.1:9000");
                    }
                });
            }
            Map<String, String> kafka = local.service("kafka").environment();
            assertThat(kafka.get("KAFKA_LISTENERS"))
                    .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
            assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
            assertThat(local.service("minio").environment()).containsEntry("S3_ADDRESS", "127.0.0.1:9000");
        }

        @Test
        void theBackupHelperIsTheLocalBaseImage() {
            assertThat(local.service("backup-service").environment())
                    .containsEntry("DOCKWARDEN_BACKUP_HELPER_IMAGE", "dockwarden-local/base:latest");
            assertThat(local.service("backup-helper-image").string("image")).isEqualTo("dockwarden-local/base:latest");
        }

        @Test
        void everyImageItNamesIsMadeByTheBuildScript() {
            String script = ProjectFiles.read("docker/build-local-images");
            assertThat(script).contains("modules=(" + String.join(" ", List.of("inventory-service",
                    "compliance-service", "backup-service", "notification-service")) + ")");
            assertThat(script).contains("base_image=\"$prefix/base:latest\"", "build_jvm_image kafka kafka",
                    "build_jvm_image s3 s3proxy", "-t \"$prefix/$module:latest\"");
            assertThat(script).contains("prefix=${DOCKWARDEN_LOCAL_IMAGE_PREFIX:-dockwarden-local}");
        }
    }

    /**
     * {@code docker-compose config -q} validates the files with compose's own schema and interpolation; skipped where
     * no compose binary is installed, since the check needs no engine.
     */
    @ParameterizedTest(name = "docker-compose {0} config")
    @ValueSource(strings = {"-f docker-compose.yml", "-f docker-compose.yml -f docker-compose.override.yml",
            "-f docker-compose.yml -f docker-compose.local.yml"})
    void composeAcceptsTheFiles(String files) throws IOException, InterruptedException {
        Path binary = onPath("docker-compose");
        assumeTrue(binary != null, "docker-compose is not on PATH: compose's own validation skipped");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--project-directory",
                ProjectFiles.root().toString()));
        command.addAll(List.of(files.split(" ")));
        command.addAll(List.of("config", "-q"));
        Process process = new ProcessBuilder(command).directory(ProjectFiles.root().toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("docker-compose %s config -q said: %s", files, output).isZero();
    }

    private static void isExecutableTmp(String tmpfs) {
        assertThat(tmpfs).startsWith("/tmp:").contains("exec").doesNotContain("noexec");
    }

    private static Path onPath(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
