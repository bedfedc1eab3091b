package io.dockwarden.backup.it;

import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One service context shared by the integration tests: the real broker, the real S3 server, the real engine, a test
 * key. Subclasses add no configuration, so that the context is built once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RequiresDocker
abstract class ServiceTestSupport {

    static final KafkaBroker BROKER = KafkaBroker.shared();
    static final S3Server S3 = S3Server.shared();
    static final String BUCKET = "backups-it";
    static final String HOST_ID = "it-host";
    static final String KEY = randomKey();
    static final EventCodec CODEC = new EventCodec("/dockwarden/test");
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    static TopicProbe events;

    static {
        BROKER.createTopics(Topics.BACKUP_COMMANDS, Topics.BACKUP_EVENTS, Topics.VOLUME_EVENTS);
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("dockwarden.backup.host-id", () -> HOST_ID);
        registry.add("dockwarden.backup.docker.host", DockerEngine::defaultHost);
        registry.add("dockwarden.backup.helper.image", () -> DockerEngine.TEST_IMAGE);
        registry.add("dockwarden.backup.helper.labels[" + DockerEngine.TEST_LABEL + "]", () -> DockerEngine.RUN_ID);
        registry.add("dockwarden.backup.s3.endpoint", S3::endpoint);
        registry.add("dockwarden.backup.s3.access-key", S3::accessKey);
        registry.add("dockwarden.backup.s3.secret-key", S3::secretKey);
        registry.add("dockwarden.backup.s3.bucket", () -> BUCKET);
        registry.add("dockwarden.backup.s3.part-size", () -> "5MB");
        registry.add("dockwarden.backup.encryption.key", () -> KEY);
        // The test containers run busybox sleep as PID 1, which ignores SIGTERM: no point waiting 30 s to kill it.
        registry.add("dockwarden.backup.helper.stop-timeout", () -> "2s");
        registry.add("dockwarden.backup.retry.initial-backoff", () -> "200ms");
        registry.add("dockwarden.backup.retry.max-backoff", () -> "1s");
        registry.add("dockwarden.backup.policies.rescan-interval", () -> "1h");
        registry.add("dockwarden.backup.verification.enabled", () -> "false");
        registry.add("dockwarden.stream.retry.initial-interval", () -> "200ms");
        registry.add("server.port", () -> "0");
    }

    @BeforeAll
    static void probe() {
        events = BROKER.probe(Topics.BACKUP_EVENTS);
    }

    @AfterAll
    static void closeProbe() {
        if (events != null) {
            events.close();
        }
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static void send(EventData command) {
        BROKER.send(CODEC.encode(command));
    }

    /** The data of the first event of a type whose JSON has the given field value, waiting for it. */
    static <T extends EventData> T awaitEvent(String ceType, Class<T> type, String field, String value) {
        Predicate<ConsumerRecord<String, byte[]>> matching = TopicProbe.ofType(ceType)
                .and(record -> value.equals(EventJson.mapper().readTree(record.value()).path(field).asString()));
        List<ConsumerRecord<String, byte[]>> records = events.await(matching, 1, TIMEOUT);
        return EventJson.mapper().readValue(records.get(0).value(), type);
    }

    /** How many events of a type carry the field value so far. */
    static long countEvents(String ceType, String field, String value) {
        return events.records(TopicProbe.ofType(ceType)
                .and(record -> value.equals(EventJson.mapper().readTree(record.value()).path(field).asString())))
                .size();
    }

    HttpResponse<String> http(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return http("GET", path, null);
    }
}
