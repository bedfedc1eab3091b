package io.dockwarden.inventory;

import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.inventory.engine.DockerConnection;
import io.dockwarden.inventory.engine.EngineWatch;
import io.dockwarden.inventory.operations.EngineHealthIndicator;
import io.dockwarden.inventory.operations.InventoryMetrics;
import io.dockwarden.inventory.publishing.RecordedState;
import io.dockwarden.inventory.publishing.ReliablePublisher;
import io.dockwarden.inventory.tracking.Backoff;
import io.dockwarden.inventory.tracking.Inventory;
import io.dockwarden.stream.EventPublisher;
import io.dockwarden.stream.StreamProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the inventory: the engine connection and its watch, publishing, the topics, metrics and health. */
@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

    /** Large enough for a snapshot with a long image history; the broker's default limit is 1 MiB. */
    static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    @Bean(destroyMethod = "close")
    DockerConnection dockerConnection(InventoryProperties properties) {
        return new DockerConnection(properties.docker());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService inventoryWorkers(InventoryProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.workers(), runnable -> {
            Thread thread = new Thread(runnable, "inventory-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    InventoryMetrics inventoryMetrics(MeterRegistry registry, Clock clock) {
        return new InventoryMetrics(registry, clock);
    }

    @Bean
    RecordedState recordedState(KafkaProperties kafka, EventCodec codec) {
        return new RecordedState(kafka.buildConsumerProperties(), codec, Duration.ofSeconds(60));
    }

    @Bean(destroyMethod = "close")
    EngineWatch engineWatch(InventoryProperties properties, DockerConnection connection,
            ExecutorService inventoryWorkers, InventoryMetrics metrics, RecordedState recordedState,
            @Qualifier("dockwardenKafkaTemplate") KafkaTemplate<String, byte[]> template, StreamProperties stream,
            Clock clock) {
        Backoff engineRetry = backoff(properties.reconnect());
        Backoff publishRetry = backoff(properties.publishRetry());
        EngineWatch[] self = new EngineWatch[1];
        self[0] = new EngineWatch(connection, properties.hostId(), hostId -> {
            // Events name the engine they come from, so the source is only known once the host id is.
            EventCodec codec = new EventCodec("/dockwarden/inventory/" + hostId, stream.maxPayloadBytes(), clock);
            EventPublisher publisher = new EventPublisher(codec, template, stream.sendTimeout());
            ReliablePublisher sink = new ReliablePublisher(codec, publisher, stream.sendTimeout(), publishRetry,
                    metrics);
            Inventory inventory = new Inventory(hostId, self[0].view(), sink, inventoryWorkers, clock, metrics,
                    engineRetry);
            inventory.bootstrap(recordedState.read(hostId));
            return inventory;
        }, engineRetry, properties.pingInterval(), properties.resyncInterval(), clock, metrics::reconnecting);
        metrics.watch(self[0]);
        return self[0];
    }

    /** Starts watching once the application runs, and stops before the broker clients close. */
    @Bean
    SmartLifecycle engineWatchLifecycle(EngineWatch watch) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                watch.start();
                running = true;
            }

            @Override
            public void stop() {
                watch.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // After the web server and the Kafka infrastructure, so it stops before them.
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    @Bean
    EngineHealthIndicator engineHealthIndicator(EngineWatch watch, Clock clock) {
        return new EngineHealthIndicator(watch, clock);
    }

    @Bean
    KafkaAdmin.NewTopics inventoryTopics(InventoryProperties properties) {
        InventoryProperties.Topics topics = properties.topics();
        if (!topics.create()) {
            return new KafkaAdmin.NewTopics();
        }
        Optional<Short> replicas = topics.replicationFactor() < 1 ? Optional.empty()
                : Optional.of(topics.replicationFactor());
        List<NewTopic> created = new ArrayList<>();
        for (String name : List.of(Topics.CONTAINER_EVENTS, Topics.CONTAINER_STATE, Topics.VOLUME_EVENTS,
                Topics.HOST_EVENTS)) {
            NewTopic topic = new NewTopic(name, Optional.of(topics.partitions()), replicas);
            if (Topics.isCompacted(name)) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            created.add(topic);
        }
        return new KafkaAdmin.NewTopics(created.toArray(NewTopic[]::new));
    }

    private static Backoff backoff(InventoryProperties.Retry retry) {
        return new Backoff(retry.initial(), retry.multiplier(), retry.max());
    }
}
