package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.Topics;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB volume is backed up by the service running in a JVM of its own with a 256 MB heap: streaming holds a part
 * and a few buffers, never the archive. The heap in use is sampled from the service's own metrics while it works, and
 * the throughput is written to {@code target/backup-throughput.txt}.
 */
@RequiresDocker
class LargeVolumeHeapIT {

    private static final KafkaBroker BROKER = KafkaBroker.shared();
    private static final S3Server S3 = S3Server.shared();
    private static final String BUCKET = "backups-heap";
    private static final String HOST_ID = "it-heap-host";
    private static final long GIB = 1024L * 1024 * 1024;
    private static final String HEAP = System.getProperty("dockwarden.backup.it.heap", "256m");

    private static final String volume = Volumes.unique("dw-large");
    private static Process service;

    @AfterAll
    static void cleanUp() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
        Volumes.remove(volume);
        for (Result<Item> item : S3.client().listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true)
                .build())) {
            S3.client().removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(item.get().objectName())
                    .build());
        }
    }

    @Test
    void backsUpOneGibibyteWithTheServiceHeapLimitedTo256Megabytes() throws Exception {
        BROKER.createTopics(Topics.BACKUP_COMMANDS, Topics.BACKUP_EVENTS, Topics.VOLUME_EVENTS);
        DockerEngine.local().ensureTestImage();
        Volumes.create(volume, Map.of());
        Volumes.run(volume, "dd if=/dev/urandom of=/data/large.bin bs=1M count=1024 2>/dev/null");

        int port = FreePorts.next();
        service = startService(port);
        awaitHealthy(port);

        try (TopicProbe events = BROKER.probe(Topics.BACKUP_EVENTS)) {
            String requestId = UUID.randomUUID().toString();
            BROKER.send(new EventCodec("/dockwarden/test").encode(new BackupRequested(requestId, HOST_ID, volume,
                    Instant.now(), "it", "heap")));
            AtomicLong peakHeap = new AtomicLong();
            List<ConsumerRecord<String, byte[]>> completed = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (completed.isEmpty() && System.nanoTime() < deadline) {
                assertThat(service.isAlive()).as("the service process is alive (no OutOfMemoryError)").isTrue();
                peakHeap.accumulateAndGet(heapUsed(port), Math::max);
                completed = events.records(TopicProbe.ofType(EventCatalog.BACKUP_COMPLETED.type())
                        .or(TopicProbe.ofType(EventCatalog.BACKUP_FAILED.type())));
                Thread.sleep(250);
            }
            assertThat(completed).as("an outcome within 15 minutes").isNotEmpty();
            assertThat(TopicProbe.header(completed.get(0), "ce_type"))
                    .as("outcome: %s", TopicProbe.value(completed.get(0)))
                    .isEqualTo(EventCatalog.BACKUP_COMPLETED.type());
            BackupCompleted backup = EventJson.mapper().readValue(completed.get(0).value(), BackupCompleted.class);
            assertThat(backup.tarBytes()).isGreaterThan(GIB);
            assertThat(peakHeap.get()).isLessThan(256L * 1024 * 1024);

            String report = String.format("1 GiB backup with -Xmx%s: %d tar bytes, %d stored bytes in %d ms = %.1f"
                    + " MB/s (tar bytes per second of wall time); peak heap used %.1f MB%n", HEAP, backup.tarBytes(),
                    backup.storedBytes(), backup.durationMillis(),
                    backup.throughputBytesPerSecond() / 1_000_000.0, peakHeap.get() / 1_000_000.0);
            System.out.print(report);
            Files.writeString(Path.of("target", "backup-throughput.txt"), report);
        }
    }

    private static Process startService(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                "io.dockwarden.backup.BackupApplication",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + BROKER.bootstrapServers(),
                "--dockwarden.backup.consumer-group=backup-service-heap",
                "--dockwarden.backup.host-id=" + HOST_ID,
                "--dockwarden.backup.docker.host=" + DockerEngine.defaultHost(),
                "--dockwarden.backup.helper.image=" + DockerEngine.TEST_IMAGE,
                "--dockwarden.backup.helper.labels[" + DockerEngine.TEST_LABEL + "]=" + DockerEngine.RUN_ID,
                "--dockwarden.backup.s3.endpoint=" + S3.endpoint(),
                "--dockwarden.backup.s3.bucket=" + BUCKET,
                "--dockwarden.backup.policies.rescan-interval=1h",
                "--dockwarden.backup.verification.enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "heap-it-service.log").toFile()));
        // Secrets reach the service the way production passes them: through the environment, never the command line.
        builder.environment().put("DOCKWARDEN_BACKUP_S3_ACCESS_KEY", S3.accessKey());
        builder.environment().put("DOCKWARDEN_BACKUP_S3_SECRET_KEY", S3.secretKey());
        Path keyFile = Files.createTempFile("dockwarden-key", ".txt");
        Files.writeString(keyFile, ServiceTestSupport.randomKey() + "\n");
        keyFile.toFile().deleteOnExit();
        builder.environment().put("DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE", keyFile.toString());
        return builder.start();
    }

    private static void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service started; see target/heap-it-service.log").isTrue();
            try {
                if (fetch(port, "/actuator/health").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not become healthy; see target/heap-it-service.log");
    }

    private static long heapUsed(int port) {
        try {
            String json = fetch(port, "/actuator/metrics/jvm.memory.used?tag=area:heap");
            return (long) EventJson.mapper().readTree(json).path("measurements").get(0).path("value").asDouble();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private static String fetch(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
