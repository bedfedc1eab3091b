package io.dockwarden.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.ComplianceApplication;
import io.dockwarden.compliance.findings.kafka.PartitionOwnership;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.Topics;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.FindingEvent;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Instances of the service on a broker of their own: two instances in one consumer group, one of them stopped while
 * events are flowing, then a fresh instance started in its place. Every finding is opened once and resolved once.
 */
class RestartAndScaleOutIT {

    private static final String HOST = "scale-host";
    private static final int CONTAINERS = 10;
    private static KafkaBroker broker;

    @BeforeAll
    static void broker() {
        broker = KafkaBroker.dedicated();
        // Six partitions: each instance runs three consumer threads, and both instances must get some.
        broker.createTopics(6, Topics.CONTAINER_EVENTS);
        broker.createTopics(Topics.HOST_EVENTS, Topics.FINDINGS);
        broker.createTopics(1, Topics.REPORTS);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static ConfigurableApplicationContext instance() {
        S3Server s3 = S3Server.shared();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        properties.put("dockwarden.compliance.s3.endpoint", s3.endpoint());
        properties.put("dockwarden.compliance.s3.access-key", s3.accessKey());
        properties.put("dockwarden.compliance.s3.secret-key", s3.secretKey());
        properties.put("dockwarden.compliance.reports.scheduled", "false");
        properties.put("dockwarden.compliance.reports.bucket", "compliance-scale-it");
        // Command-line arguments, since they outrank the application's own configuration (its port 8082, say).
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ComplianceApplication.class).run(arguments);
    }

    private static void awaitAssignment(ConfigurableApplicationContext context) throws InterruptedException {
        PartitionOwnership ownership = context.getBean(PartitionOwnership.class);
        long deadline = System.nanoTime() + Findings.TIMEOUT.toNanos();
        while (!ownership.assigned().containsKey(Topics.CONTAINER_EVENTS)
                || ownership.assigned().get(Topics.CONTAINER_EVENTS).isEmpty()) {
            assertThat(System.nanoTime()).as("partitions assigned").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitApplied(ConfigurableApplicationContext context, int count) throws InterruptedException {
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        long deadline = System.nanoTime() + Findings.TIMEOUT.toNanos();
        while (registry.get("dockwarden.compliance.events").tag("subject", "container")
                .counters().stream().mapToDouble(counter -> counter.count()).sum() < count) {
            assertThat(System.nanoTime()).as("events consumed").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static ContainerSnapshot bad() {
        return ContainerSnapshotBuilder.from(ContainerSnapshots.hardened()).readonlyRootfs(false).build();
    }

    private static void send(Inventory inventory, int from, int to, ContainerSnapshot snapshot) {
        for (int i = from; i < to; i++) {
            inventory.container(HOST, "c" + i, ContainerSnapshotBuilder.from(snapshot).name("app-" + i).build());
        }
    }

    @Test
    void twoInstancesARestartAndAStopMidStreamNeverDuplicateAFinding() throws Exception {
        Inventory inventory = new Inventory(broker);
        try (TopicProbe findings = Findings.probe(broker, true, Topics.FINDINGS)) {
            ConfigurableApplicationContext first = instance();
            inventory.host(HOST, HostSnapshots.hardened());
            send(inventory, 0, CONTAINERS, bad());
            // 5.13 (read-only root) and 5.9 (published port) for each container.
            findings.await(TopicProbe.ofType(EventCatalog.FINDING_OPENED.type()), 2 * CONTAINERS, Findings.TIMEOUT);

            ConfigurableApplicationContext second = instance();
            awaitAssignment(second);
            send(inventory, 0, CONTAINERS, bad());
            send(inventory, CONTAINERS, 2 * CONTAINERS, bad());
            findings.await(TopicProbe.ofType(EventCatalog.FINDING_OPENED.type()), 4 * CONTAINERS, Findings.TIMEOUT);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::close);
            send(inventory, 0, CONTAINERS, ContainerSnapshots.hardened());
            stopping.get();
            findings.await(TopicProbe.ofType(EventCatalog.FINDING_RESOLVED.type()), CONTAINERS, Findings.TIMEOUT);

            ConfigurableApplicationContext third = instance();
            awaitAssignment(third);
            second.close();
            send(inventory, 0, CONTAINERS, ContainerSnapshots.hardened());
            send(inventory, CONTAINERS, 2 * CONTAINERS, bad());
            awaitApplied(third, 2 * CONTAINERS);
            List<ConsumerRecord<String, byte[]>> records = findings.awaitQuiet(Duration.ofSeconds(2),
                    Duration.ofSeconds(20));
            third.close();

            List<FindingEvent> events = records.stream().map(Findings::parse).toList();
            Map<String, Long> opened = events.stream().filter(FindingOpened.class::isInstance)
                    .collect(Collectors.groupingBy(FindingEvent::findingId, Collectors.counting()));
            Map<String, Long> resolved = events.stream().filter(FindingResolved.class::isInstance)
                    .collect(Collectors.groupingBy(FindingEvent::findingId, Collectors.counting()));
            assertThat(opened).hasSize(4 * CONTAINERS).allSatisfy((finding, count) -> assertThat(count).isOne());
            assertThat(resolved).hasSize(CONTAINERS).allSatisfy((finding, count) -> assertThat(count).isOne());
            assertThat(events).hasSize(5 * CONTAINERS);
            Set<String> ids = records.stream().map(record -> TopicProbe.header(record, "ce_id"))
                    .collect(Collectors.toSet());
            assertThat(ids).hasSize(records.size());
        }
    }
}
