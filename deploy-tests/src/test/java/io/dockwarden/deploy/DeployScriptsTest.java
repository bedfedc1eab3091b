package io.dockwarden.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deployment scripts, run for real on this machine's shell (no engine needed). */
class DeployScriptsTest {

    @ParameterizedTest(name = "bash -n {0}")
    @ValueSource(strings = {"docker/build-local-images", "docker/generate-secrets", ".ci/compose-smoke"})
    void bashScriptsParse(String script) throws Exception {
        assertThat(ProjectFiles.file(script)).isExecutable();
        assertThat(run(Map.of(), "bash", "-n", ProjectFiles.file(script).toString()).exitCode()).isZero();
    }

    @ParameterizedTest(name = "sh -n {0}")
    @ValueSource(strings = {"docker/kafka/bin/run", "docker/kafka/bin/render-properties",
            "docker/kafka/bin/kafka-run-class.sh", "docker/kafka/bin/kafka-broker-api-versions.sh",
            "docker/s3/bin/run", "docker/s3/bin/create-buckets", "docker/s3/bin/secret"})
    void imageScriptsParseAsPosixShell(String script) throws Exception {
        assertThat(ProjectFiles.file(script)).isExecutable();
        assertThat(run(Map.of(), "sh", "-n", ProjectFiles.file(script).toString()).exitCode()).isZero();
    }

    @Nested
    class GenerateSecrets {

        @Test
        void writesRandomSecretsReadableByTheServiceUserInAPrivateDirectory(@TempDir Path temp) throws Exception {
            Path directory = temp.resolve("secrets");
            Result result = run(Map.of(), "bash", script(), directory.toString());
            assertThat(result.exitCode()).as(result.output()).isZero();

            assertThat(Files.readString(directory.resolve("backup-encryption-key")).strip()).matches("[0-9a-f]{64}");
            assertThat(Files.readString(directory.resolve("s3-secret-key")).strip()).matches("[0-9a-f]{48}");
            assertThat(Files.readString(directory.resolve("s3-access-key")).strip()).matches("dockwarden-[0-9a-f]{8}");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
            for (String name : List.of("backup-encryption-key", "s3-secret-key", "s3-access-key")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(name))))
                        .as(name).isEqualTo("rw-r--r--");
            }
            assertThat(result.output()).contains("Keep a copy").doesNotContain(
                    Files.readString(directory.resolve("backup-encryption-key")).strip());
        }

        @Test
        void keepsExistingSecretsUnlessForced(@TempDir Path temp) throws Exception {
            Path directory = temp.resolve("secrets");
            run(Map.of(), "bash", script(), directory.toString());
            String key = Files.readString(directory.resolve("backup-encryption-key"));

            Result again = run(Map.of(), "bash", script(), directory.toString());
            assertThat(again.output()).contains("kept");
            assertThat(Files.readString(directory.resolve("backup-encryption-key"))).isEqualTo(key);

            run(Map.of(), "bash", script(), "--force", directory.toString());
            assertThat(Files.readString(directory.resolve("backup-encryption-key"))).isNotEqualTo(key);
        }

        private String script() {
            return ProjectFiles.file("docker/generate-secrets").toString();
        }
    }

    @Nested
    class KafkaImage {

        @Test
        void turnsKafkaVariablesIntoBrokerPropertiesLikeTheApacheImage() throws Exception {
            Result result = run(Map.of(
                    "KAFKA_NODE_ID", "1",
                    "KAFKA_LISTENERS", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
                    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1",
                    "KAFKA_CONFLUENT__SUPPORT___METRICS", "x",
                    "KAFKA_HEAP_OPTS", "-Xmx512m",
                    "KAFKA_OPTS", "-Dfoo=bar",
                    "CLUSTER_ID", "F9ZHS-V9Rb28mLkTaW9BFg"),
                    "sh", ProjectFiles.file("docker/kafka/bin/render-properties").toString());

            assertThat(result.exitCode()).isZero();
            assertThat(result.output().lines()).containsExactly(
                    "confluent_support-metrics=x",
                    "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
                    "node.id=1",
                    "share.coordinator.state.topic.min.isr=1");
        }

        @Test
        void toolScriptsRunKafkaClassesOfTheImage() {
            assertThat(ProjectFiles.read("docker/kafka/bin/kafka-broker-api-versions.sh"))
                    .contains("kafka-run-class.sh org.apache.kafka.tools.BrokerApiVersionsCommand");
            assertThat(ProjectFiles.read("docker/kafka/bin/kafka-console-consumer.sh"))
                    .contains("kafka-run-class.sh org.apache.kafka.tools.consumer.ConsoleConsumer");
            assertThat(ProjectFiles.read("docker/kafka/bin/kafka-storage.sh"))
                    .contains("kafka-run-class.sh kafka.tools.StorageTool");
        }
    }

    @Nested
    class S3Image {

        @Test
        void createsTheNamedBucketsOnceAndRejectsInvalidNames(@TempDir Path data) throws Exception {
            Map<String, String> environment = Map.of("S3_DATA_DIR", data.toString(),
                    "S3_BUCKETS", "dockwarden-reports,dockwarden-backups other.bucket");
            Result first = run(environment, "sh", createBuckets());
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(data.resolve("dockwarden-reports")).isDirectory();
            assertThat(data.resolve("dockwarden-backups")).isDirectory();
            assertThat(data.resolve("other.bucket")).isDirectory();

            Result second = run(environment, "sh", createBuckets());
            assertThat(second.output()).contains("bucket dockwarden-reports exists");

            Result invalid = run(Map.of("S3_DATA_DIR", data.toString(), "S3_BUCKETS", "Not_A_Bucket"), "sh",
                    createBuckets());
            assertThat(invalid.exitCode()).isNotZero();
            assertThat(invalid.output()).contains("not a valid bucket name: Not_A_Bucket");
            assertThat(data.resolve("Not_A_Bucket")).doesNotExist();
        }

        @Test
        void readsSecretsFromTheVariableOrTheFileItNames(@TempDir Path temp) throws Exception {
            Path file = temp.resolve("password");
            Files.writeString(file, "from-a-file\n");
            String secret = ProjectFiles.file("docker/s3/bin/secret").toString();

            assertThat(run(Map.of("MINIO_ROOT_PASSWORD", "direct"), "sh", secret, "MINIO_ROOT_PASSWORD").output())
                    .isEqualTo("direct");
            assertThat(run(Map.of("MINIO_ROOT_PASSWORD_FILE", file.toString()), "sh", secret, "MINIO_ROOT_PASSWORD")
                    .output()).isEqualTo("from-a-file");
            Result missing = run(Map.of("MINIO_ROOT_PASSWORD_FILE", temp.resolve("absent").toString()), "sh", secret,
                    "MINIO_ROOT_PASSWORD");
            assertThat(missing.exitCode()).isNotZero();
            assertThat(missing.output()).contains("cannot be read");
        }

        private String createBuckets() {
            return ProjectFiles.file("docker/s3/bin/create-buckets").toString();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("S3_")
                || name.startsWith("MINIO_") || name.equals("CLUSTER_ID"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
