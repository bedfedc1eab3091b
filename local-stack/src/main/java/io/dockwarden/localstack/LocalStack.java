package io.dockwarden.localstack;

import io.dockwarden.events.Topics;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.s3.S3Server;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs the whole of Dockwarden on one machine: a real KRaft broker ({@code ./.dockwarden/kafka}), a real S3-compatible
 * server ({@code ./.dockwarden/s3}) and the four services against the local Docker engine. Ctrl-C stops everything
 * cleanly; starting again keeps the data. {@code KAFKA_BOOTSTRAP_SERVERS}, {@code S3_ENDPOINT} (with
 * {@code S3_ACCESS_KEY} and {@code S3_SECRET_KEY}) and {@code DOCKER_HOST} point the stack at existing parts instead.
 */
public final class LocalStack {

    private static final PrintStream out = System.out;
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(4);

    private final StackLayout layout;
    private final Map<String, String> environment;
    private final List<ServiceProcess> services = new ArrayList<>();
    private @Nullable KafkaBroker broker;
    private @Nullable S3Server s3;

    LocalStack(StackLayout layout, Map<String, String> environment) {
        this.layout = layout;
        this.environment = environment;
    }

    public static void main(String[] args) throws InterruptedException {
        StackLayout layout = StackLayout.at(Path.of(System.getProperty("dockwarden.home", ".")));
        LocalStack stack = new LocalStack(layout, System.getenv());
        try (FileLock ignored = stack.lockDataDirectory()) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.stop();
                stopped.countDown();
            }, "local-stack-stop"));
            try {
                stack.start();
            } catch (RuntimeException e) {
                out.println();
                out.println("Dockwarden local stack failed to start: " + e.getMessage());
                System.exit(1);
            }
            stack.watch(stopped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileLock lockDataDirectory() throws IOException {
        Files.createDirectories(layout.data());
        FileChannel channel = FileChannel.open(layout.data().resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            throw new IllegalStateException("another local stack is running on " + layout.data());
        }
        return lock;
    }

    void start() {
        out.println("Dockwarden local stack — data under " + layout.data());
        String bootstrapServers = startKafka();
        S3Endpoint s3Endpoint = startS3();
        String dockerHost = environment.getOrDefault("DOCKER_HOST", DockerEngine.defaultHost());
        DockerEngine engine = DockerEngine.at(dockerHost);
        if (!engine.reachable()) {
            throw new IllegalStateException("no Docker engine answers at " + dockerHost
                    + " (start dockerd, or set DOCKER_HOST)");
        }
        out.println("  docker engine   " + dockerHost);
        LocalSecrets.Created backupKey = LocalSecrets.ensure(layout.data().resolve("backup-encryption.key"), 32, "");
        StackServices definitions = new StackServices(layout, bootstrapServers, s3Endpoint, dockerHost,
                backupKey.file(), HelperImage.ensure(engine), Map.of());
        for (ServiceProcess service : definitions.all()) {
            service.start(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            services.add(service);
        }
        for (ServiceProcess service : services) {
            if (!service.awaitHealthy(HEALTHY_TIMEOUT)) {
                throw new IllegalStateException(service.name() + " did not become healthy; see " + service.log());
            }
            out.printf("  %-20s http://127.0.0.1:%d  (health: /actuator/health, log: %s)%n", service.name(),
                    service.port(), layout.home().relativize(service.log()));
        }
        printGuide(s3Endpoint, backupKey);
    }

    private String startKafka() {
        String external = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            out.println("  kafka           " + external + " (external)");
            return external;
        }
        broker = KafkaBroker.persistent(layout.data().resolve("kafka"), 9092, 9093);
        broker.createTopics(Topics.ALL.stream().filter(topic -> !topic.equals(Topics.CONTAINER_STATE))
                .toArray(String[]::new));
        broker.createCompactedTopic(Topics.CONTAINER_STATE, 3);
        out.println("  kafka (KRaft)   " + broker.bootstrapServers() + "  data: " + layout.home().relativize(
                broker.directory()));
        return broker.bootstrapServers();
    }

    private S3Endpoint startS3() {
        String external = environment.get("S3_ENDPOINT");
        if (external != null && !external.isBlank()) {
            out.println("  s3              " + external + " (external)");
            return new S3Endpoint(external, required("S3_ACCESS_KEY"), required("S3_SECRET_KEY"));
        }
        LocalSecrets.Created secret = LocalSecrets.ensure(layout.data().resolve("s3-secret-key"), 24, "");
        s3 = S3Server.persistent(layout.data().resolve("s3"), 9000, "dockwarden", LocalSecrets.read(secret.file()));
        out.println("  s3 (SigV4)      " + s3.endpoint() + "  data: " + layout.home().relativize(s3.dataDirectory())
                + "  access key: dockwarden, secret in " + layout.home().relativize(secret.file()));
        return new S3Endpoint(s3.endpoint(), s3.accessKey(), s3.secretKey());
    }

    private String required(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set with S3_ENDPOINT");
        }
        return value;
    }

    private void printGuide(S3Endpoint s3Endpoint, LocalSecrets.Created backupKey) {
        out.println();
        out.println("Topics:");
        Topics.ALL.forEach(topic -> out.println("  " + topic));
        out.println();
        out.println("Compliance reports are archived to " + s3Endpoint.url() + "/" + StackServices.REPORTS_BUCKET
                + ", backups to " + s3Endpoint.url() + "/" + StackServices.BACKUPS_BUCKET + ".");
        out.println("Alerts go to the console receiver: see " + layout.home().relativize(
                layout.logs().resolve("notification-service.log")) + " (route them elsewhere in "
                + "the notification service's routing file).");
        if (backupKey.isNew()) {
            out.println();
            out.println("WARNING: a new backup encryption key was generated in "
                    + layout.home().relativize(backupKey.file()) + ".");
            out.println("         Keep a copy somewhere safe: without it no backup can be restored.");
        }
        out.println();
        out.println("Dockwarden is running. Press Ctrl-C to stop.");
    }

    /** Reports services that die while the stack runs, until the stack is stopped. */
    private void watch(CountDownLatch stopped) throws InterruptedException {
        Map<String, Boolean> reported = new LinkedHashMap<>();
        while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            for (ServiceProcess service : services) {
                if (!service.isAlive() && reported.putIfAbsent(service.name(), true) == null) {
                    out.println(service.name() + " exited; see " + service.log());
                }
            }
        }
    }

    synchronized void stop() {
        if (services.isEmpty() && broker == null && s3 == null) {
            return;
        }
        out.println();
        out.println("Stopping Dockwarden...");
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        services.clear();
        if (s3 != null) {
            s3.stop();
            s3 = null;
        }
        if (broker != null) {
            broker.stop();
            broker = null;
        }
        out.println("Stopped. Data kept under " + layout.data());
    }
}
