package io.dockwarden.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.Envelope;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.Rejection;
import io.dockwarden.events.volume.VolumeRemoved;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = StreamSupportIT.VolumeWatcher.class, properties = {
        "spring.application.name=stream-support-it",
        "spring.cloud.function.definition=volumeEvents",
        "spring.cloud.stream.bindings.volumeEvents-in-0.destination=" + Topics.VOLUME_EVENTS,
        "spring.cloud.stream.bindings.volumeEvents-in-0.group=stream-support-it",
        "spring.cloud.stream.bindings.volumeEvents-in-0.consumer.max-attempts=1",
        "dockwarden.stream.retry.initial-interval=100ms",
        "dockwarden.stream.retry.max-attempts=4"})
class StreamSupportIT {

    private static final KafkaBroker broker = KafkaBroker.shared();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        broker.createTopics(Topics.VOLUME_EVENTS, Topics.deadLetterOf(Topics.VOLUME_EVENTS));
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @Autowired
    EventPublisher publisher;

    @Autowired
    VolumeWatcher watcher;

    @Test
    void publishesCloudEventsInBinaryModeKeyedBySubject() {
        try (TopicProbe probe = broker.probe(Topics.VOLUME_EVENTS)) {
            VolumeRemoved removed = new VolumeRemoved("host-a", Instant.parse("2026-11-23T10:00:00Z"), "pg-data");
            String id = publisher.publish(removed);
            ConsumerRecord<String, byte[]> record = probe.await(TopicProbe.withKey("host-a/pg-data"), 1,
                    Duration.ofSeconds(30)).get(0);
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(id);
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventCatalog.VOLUME_REMOVED.type());
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo("host-a/pg-data");
            assertThat(TopicProbe.header(record, "ce_dataschema")).isEqualTo(EventCatalog.VOLUME_REMOVED.dataschema());
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
            assertThat(TopicProbe.value(record)).contains("\"volumeName\":\"pg-data\"");
        }
    }

    @Test
    void deadLettersARejectedRecordWithTheReasonAndKeepsConsuming() {
        try (TopicProbe deadLetters = broker.probe(Topics.deadLetterOf(Topics.VOLUME_EVENTS))) {
            EventCodec codec = new EventCodec("/test");
            var bad = codec.encode(new VolumeRemoved("host-a", Instant.now(), "before-poison"));
            broker.send(bad);
            Map<String, byte[]> headers = new java.util.HashMap<>();
            bad.headers().forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
            headers.put("ce_id", "poison-1".getBytes(StandardCharsets.UTF_8));
            headers.put("ce_subject", "host-a/poison".getBytes(StandardCharsets.UTF_8));
            broker.sendRaw(Topics.VOLUME_EVENTS, "host-a/poison", headers,
                    "{\"hostId\": 42".getBytes(StandardCharsets.UTF_8));
            broker.send(codec.encode(new VolumeRemoved("host-a", Instant.now(), "after-poison")));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(TopicProbe.withKey("host-a/poison"), 1,
                    Duration.ofSeconds(60)).get(0);
            assertThat(TopicProbe.header(dead, Rejection.REASON_HEADER)).isEqualTo("MALFORMED_JSON");
            assertThat(TopicProbe.header(dead, Rejection.DETAIL_HEADER)).isNotBlank();
            assertThat(TopicProbe.value(dead)).isEqualTo("{\"hostId\": 42");
            watcher.awaitVolumes(Set.of("before-poison", "after-poison"));
        }
    }

    @Test
    void retriesAFailingHandlerWithBackoffUntilItSucceeds() {
        watcher.failNextTimes("flaky", 2);
        broker.send(new EventCodec("/test").encode(new VolumeRemoved("host-a", Instant.now(), "flaky")));
        watcher.awaitVolumes(Set.of("flaky"));
        assertThat(watcher.attempts("flaky")).isEqualTo(3);
    }

    @SpringBootApplication
    static class VolumeWatcher {

        private final List<String> volumes = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Bean
        Consumer<Message<byte[]>> volumeEvents(InboundEvents inbound) {
            return message -> {
                Envelope<? extends EventData> event = inbound.decode(message);
                if (event.data() instanceof VolumeRemoved removed) {
                    String name = removed.volumeName();
                    attempts.computeIfAbsent(name, any -> new AtomicInteger()).incrementAndGet();
                    AtomicInteger left = failuresLeft.get(name);
                    if (left != null && left.getAndDecrement() > 0) {
                        throw new IllegalStateException("simulated outage while handling " + name);
                    }
                    volumes.add(name);
                }
            };
        }

        void failNextTimes(String volume, int times) {
            failuresLeft.put(volume, new AtomicInteger(times));
        }

        int attempts(String volume) {
            return attempts.getOrDefault(volume, new AtomicInteger()).get();
        }

        void awaitVolumes(Set<String> expected) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (volumes.containsAll(expected)) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("expected volumes " + expected + ", handled " + volumes);
        }
    }
}
