package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The S3 server goes away in the middle of an upload: the backup is retried to completion if it comes back in time,
 * or fails with a retryable reason; either way no incomplete multipart upload and no manifest of a partial backup stay.
 * A service of its own (own consumer group and host id) runs against an S3 server of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RequiresDocker
class S3OutageIT {

    static final KafkaBroker BROKER = KafkaBroker.shared();
    static final S3Server S3 = S3Server.dedicated();
    static final String BUCKET = "backups-outage";
    static final String HOST_ID = "it-outage-host";
    static final EventCodec CODEC = new EventCodec("/dockwarden/test");

    static TopicProbe events;

    @Autowired
    MeterRegistry meters;

    private final String volume = Volumes.unique("dw-outage");

    static {
        BROKER.createTopics(Topics.BACKUP_COMMANDS, Topics.BACKUP_EVENTS, Topics.VOLUME_EVENTS);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("dockwarden.backup.consumer-group", () -> "backup-service-outage");
        registry.add("dockwarden.backup.host-id", () -> HOST_ID);
        registry.add("dockwarden.backup.docker.host", DockerEngine::defaultHost);
        registry.add("dockwarden.backup.helper.image", () -> DockerEngine.TEST_IMAGE);
        registry.add("dockwarden.backup.helper.labels[" + DockerEngine.TEST_LABEL + "]", () -> DockerEngine.RUN_ID);
        registry.add("dockwarden.backup.s3.endpoint", S3::endpoint);
        registry.add("dockwarden.backup.s3.access-key", S3::accessKey);
        registry.add("dockwarden.backup.s3.secret-key", S3::secretKey);
        registry.add("dockwarden.backup.s3.bucket", () -> BUCKET);
        registry.add("dockwarden.backup.s3.part-size", () -> "5MB");
        registry.add("dockwarden.backup.s3.connect-timeout", () -> "2s");
        registry.add("dockwarden.backup.s3.read-timeout", () -> "10s");
        registry.add("dockwarden.backup.encryption.key", ServiceTestSupport::randomKey);
        registry.add("dockwarden.backup.retry.max-attempts", () -> "3");
        registry.add("dockwarden.backup.retry.initial-backoff", () -> "500ms");
        registry.add("dockwarden.backup.retry.max-backoff", () -> "1s");
        registry.add("dockwarden.backup.cleanup.interval", () -> "1s");
        registry.add("dockwarden.backup.policies.rescan-interval", () -> "1h");
        registry.add("dockwarden.backup.verification.enabled", () -> "false");
        registry.add("server.port", () -> "0");
    }

    @BeforeAll
    static void probe() {
        S3.createBucket(BUCKET);
        events = BROKER.probe(Topics.BACKUP_EVENTS);
    }

    @AfterAll
    static void stopServer() {
        if (events != null) {
            events.close();
        }
        S3.close();
    }

    @AfterEach
    void cleanUp() {
        S3.start();
        Volumes.remove(volume);
    }

    @Test
    void outageInTheMiddleOfAnUploadIsRetriedToCompletion() {
        String requestId = startBackupAndStopStoreMidUpload();
        double failedBefore = failedAttempts();
        await("an attempt to fail", () -> failedAttempts() > failedBefore, Duration.ofSeconds(60));
        S3.start();

        BackupCompleted completed = await(EventCatalog.BACKUP_COMPLETED.type(), BackupCompleted.class, requestId);
        await("no incomplete upload", () -> S3.incompleteUploads(BUCKET).isEmpty(), Duration.ofSeconds(30));
        String folder = "backups/" + HOST_ID + "/" + volume + "/" + completed.backupId() + "/";
        assertThat(S3.objectKeys(BUCKET, folder)).containsExactlyInAnyOrder(completed.objectKey(),
                completed.manifestKey(), completed.objectKey().replace("archive.tar", "listing.jsonl"));
    }

    @Test
    void outageLongerThanTheRetriesFailsRetryablyAndLeavesNothingBehind() {
        String requestId = startBackupAndStopStoreMidUpload();
        BackupFailed failed = await(EventCatalog.BACKUP_FAILED.type(), BackupFailed.class, requestId);
        assertThat(failed.step()).isEqualTo("upload");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).doesNotContain(S3.secretKey());

        S3.start();
        await("no incomplete upload", () -> S3.incompleteUploads(BUCKET).isEmpty(), Duration.ofSeconds(30));
        String folder = "backups/" + HOST_ID + "/" + volume + "/" + failed.backupId() + "/";
        await("no object of the failed backup", () -> S3.objectKeys(BUCKET, folder).isEmpty(),
                Duration.ofSeconds(30));
    }

    private String startBackupAndStopStoreMidUpload() {
        Volumes.create(volume, Map.of());
        Volumes.run(volume, "dd if=/dev/urandom of=/data/blob bs=1M count=48 2>/dev/null");
        String requestId = UUID.randomUUID().toString();
        send(new BackupRequested(requestId, HOST_ID, volume, Instant.now(), "it", "outage"));
        await("a multipart upload under way", () -> !S3.incompleteUploads(BUCKET).isEmpty(), Duration.ofSeconds(90));
        S3.stop();
        return requestId;
    }

    private double failedAttempts() {
        return Search.in(meters).name("dockwarden.backup.attempts.failed").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static void send(EventData command) {
        BROKER.send(CODEC.encode(command));
    }

    private static <T extends EventData> T await(String ceType, Class<T> type, String requestId) {
        List<ConsumerRecord<String, byte[]>> records = events.await(TopicProbe.ofType(ceType).and(record ->
                requestId.equals(EventJson.mapper().readTree(record.value()).path("requestId").asString())), 1,
                Duration.ofSeconds(120));
        return EventJson.mapper().readValue(records.get(0).value(), type);
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
