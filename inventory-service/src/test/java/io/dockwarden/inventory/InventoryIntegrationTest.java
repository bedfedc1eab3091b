package io.dockwarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.inventory.engine.EngineWatch;
import io.dockwarden.inventory.tracking.Inventory;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inventory running against the machine's Docker engine and the test JVM's Kafka broker. Every integration test
 * class extending this shares one application context. Other test runs use the same engine at the same time, so
 * tests look only at containers and volumes they named themselves.
 */
@RequiresDocker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class InventoryIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec("/dockwarden/inventory/test");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    EngineWatch watch;

    @LocalServerPort
    int port;

    final DockerEngine engine = DockerEngine.local();
    final KafkaBroker broker = KafkaBroker.shared();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaBroker.shared()::bootstrapServers);
        registry.add("dockwarden.inventory.docker.host", () -> DockerEngine.local().dockerHost());
        registry.add("dockwarden.inventory.ping-interval", () -> "2s");
        registry.add("dockwarden.inventory.reconnect.initial", () -> "200ms");
        registry.add("dockwarden.inventory.publish-retry.initial", () -> "200ms");
    }

    /**
     * Waits until the inventory follows the engine's events. The initial full sync may still be reading containers of
     * other test runs on the same engine; the tests look at their own containers only.
     */
    @BeforeEach
    void awaitConnected() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((!watch.connected() || watch.inventory().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(watch.connected()).as("the inventory follows the engine").isTrue();
    }

    Inventory inventory() {
        return watch.inventory().orElseThrow();
    }

    String hostId() {
        return inventory().hostId();
    }

    String key(String containerIdOrVolume) {
        return hostId() + "/" + containerIdOrVolume;
    }

    static String uniqueName(String what) {
        return "dw-inv-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static EventData decode(ConsumerRecord<String, byte[]> record) {
        java.util.Map<String, byte[]> headers = TopicProbe.headers(record);
        DecodeResult result = CODEC.decode(record.topic(), record.key(), headers, record.value());
        if (result instanceof DecodeResult.Accepted accepted) {
            return accepted.envelope().data();
        }
        throw new AssertionError("the inventory published a record its consumers reject: " + result);
    }

    static <T extends EventData> List<T> decodeAll(List<ConsumerRecord<String, byte[]>> records, Class<T> type) {
        return records.stream().filter(record -> record.value() != null).map(InventoryIntegrationTest::decode)
                .filter(type::isInstance).map(type::cast).toList();
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        String type = TopicProbe.header(record, "ce_type");
        return type == null ? "" : type.substring("io.dockwarden.".length(), type.length() - ".v1".length());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
