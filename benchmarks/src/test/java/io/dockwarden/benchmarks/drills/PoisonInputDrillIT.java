package io.dockwarden.benchmarks.drills;

import io.dockwarden.benchmarks.compliance.BulkProducer;
import io.dockwarden.benchmarks.notification.SignedWebhookReceiver;
import io.dockwarden.benchmarks.notification.WebhookSignature;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.KafkaProgress;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.codec.Rejection;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.EventFixtures;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeSnapshot;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Poison input: 1,000 bad records on every topic a service consumes (malformed JSON, wrong types, unknown
 * {@code ce_type}, missing headers, 2 MB values, invalid UTF-8), with a good record after every ten. Counts the bad
 * records dead-lettered with a reason, the good ones processed (each by the effect it must have), and each service's
 * health afterwards; goal: all dead-lettered with a reason, all good ones processed, every service UP.
 */
@RequiresDocker
class PoisonInputDrillIT {

    private static final int BAD = Integer.getInteger("drill.poison.bad-per-topic", 1_000);
    private static final int BAD_PER_GOOD = 10;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);

    @Test
    void deadLettersEveryBadRecordWithAReasonAndProcessesTheGoodOnes() throws Exception {
        DrillReport report = new DrillReport("poison-input", "Drill: poison input on every consumed topic")
                .setting("bad records per topic", BAD).setting("good records", "one after every " + BAD_PER_GOOD);
        report.run(() -> {
            String engineHost = DockerEngine.local().client().infoCmd().exec().getId();
            String secret = WebhookSignature.newSecret();
            try (BenchStack stack = BenchStack.create(DrillReport.home(), report.logs());
                    SignedWebhookReceiver receiver = new SignedWebhookReceiver(secret)) {
                KafkaBroker broker = stack.kafka();
                StackServices services = stack.services(Map.of(
                        StackServices.NOTIFICATION, Map.of("DOCKWARDEN_NOTIFICATION_ROUTING_FILE",
                                routingFile(stack.work(), receiver.url(), secret).toString()),
                        StackServices.BACKUP, Map.of("DOCKWARDEN_BACKUP_POLICIES_RESCAN_INTERVAL", "1h")));
                Map<String, RunningService> running = new LinkedHashMap<>();
                running.put(StackServices.COMPLIANCE, stack.start(services.compliance(FreePorts.next())));
                running.put(StackServices.BACKUP, stack.start(services.backup(FreePorts.next()),
                        List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError")));
                running.put(StackServices.NOTIFICATION, stack.start(services.notification(FreePorts.next())));

                Map<String, IntFunction<EventData>> goods = goodRecords(engineHost);
                try (BulkProducer producer = new BulkProducer(broker.bootstrapServers())) {
                    for (int i = 0; i < BAD; i++) {
                        for (String topic : goods.keySet()) {
                            producer.send(PoisonRecords.bad(topic, i));
                            if (i % BAD_PER_GOOD == BAD_PER_GOOD - 1) {
                                int good = i / BAD_PER_GOOD;
                                producer.send(PoisonRecords.good(goods.get(topic).apply(good), "drill-good-" + good,
                                        good));
                            }
                        }
                    }
                    producer.flush();
                }
                boolean drained = awaitDrained(broker, Duration.ofSeconds(20), DRAIN_TIMEOUT);
                report.expect("consumers caught up with every topic", drained ? 1 : 0, "yes", 1);
                String drill = report.name();
                int goodPerTopic = BAD / BAD_PER_GOOD;
                List<String> bodies = receiver.accepted().stream()
                        .map(delivery -> new String(delivery.body(), StandardCharsets.UTF_8)).toList();
                String policies = running.get(StackServices.BACKUP).actuator().get("/api/policies");
                Map<String, Function<String, Boolean>> processed = new LinkedHashMap<>();
                List<String> findings = values(broker, Topics.FINDINGS);
                List<String> backupEvents = values(broker, Topics.BACKUP_EVENTS);
                processed.put(Topics.CONTAINER_EVENTS, id -> containsQuoted(findings, id));
                processed.put(Topics.HOST_EVENTS, id -> containsQuoted(findings, id));
                processed.put(Topics.VOLUME_EVENTS, id -> policies.contains("\"" + id + "\""));
                processed.put(Topics.BACKUP_COMMANDS, id -> containsQuoted(backupEvents, id));
                processed.put(Topics.FINDINGS, id -> containsQuoted(bodies, id));
                processed.put(Topics.REPORTS, id -> containsQuoted(bodies, id));
                processed.put(Topics.BACKUP_EVENTS, id -> containsQuoted(bodies, id));
                long goodDeadLettered = 0;
                for (String topic : goods.keySet()) {
                    DeadLetters letters = deadLetters(broker, topic);
                    goodDeadLettered += letters.good();
                    report.add(Figure.of(drill, "bad records dead-lettered with a reason, " + topic,
                            letters.badWithReason(), "records").against("bad records sent", BAD).ratioEquals(1.0)
                            .note(letters.reasons().toString()));
                    int done = 0;
                    for (int good = 0; good < goodPerTopic; good++) {
                        if (processed.get(topic).apply(marker(topic, good))) {
                            done++;
                        }
                    }
                    report.add(Figure.of(drill, "good records processed, " + topic, done, "records")
                            .against("good records sent", goodPerTopic).ratioEquals(1.0));
                }
                report.add(Figure.of(drill, "good records dead-lettered", goodDeadLettered, "records").valueEquals(0));
                running.forEach((name, service) -> report.add(Figure.of(drill, "health afterwards, " + name,
                        "UP".equals(service.actuator().healthStatus("")) ? 1 : 0, "UP").valueEquals(1)));
            }
        });
    }

    /** The good record for each consumed topic; each carries an id its effect will show. */
    static Map<String, IntFunction<EventData>> goodRecords(String engineHost) {
        Map<String, IntFunction<EventData>> goods = new LinkedHashMap<>();
        goods.put(Topics.CONTAINER_EVENTS, i -> new ContainerObserved(EventFixtures.HOST_ID,
                marker(Topics.CONTAINER_EVENTS, i), EventFixtures.T0, ContainerSnapshotBuilder.from(
                        ContainerSnapshots.minimal()).id(marker(Topics.CONTAINER_EVENTS, i)).running(EventFixtures.T0)
                        .build()));
        goods.put(Topics.HOST_EVENTS, i -> new HostObserved(marker(Topics.HOST_EVENTS, i), EventFixtures.T0,
                HostSnapshots.insecure()));
        goods.put(Topics.VOLUME_EVENTS, i -> new VolumeObserved(engineHost, EventFixtures.T0, new VolumeSnapshot(
                marker(Topics.VOLUME_EVENTS, i), "local", "/var/lib/docker/volumes/" + marker(Topics.VOLUME_EVENTS, i)
                + "/_data", "local", EventFixtures.T0, Map.of("dockwarden.backup.enabled", "true"), List.of(),
                List.of())));
        goods.put(Topics.BACKUP_COMMANDS, i -> new BackupRequested(marker(Topics.BACKUP_COMMANDS, i), engineHost,
                "poison-missing-" + i, EventFixtures.T0, "drill", null));
        FindingOpened sample = EventFixtures.sampleOf(EventCatalog.FINDING_OPENED);
        goods.put(Topics.FINDINGS, i -> new FindingOpened(EventFixtures.findingId(marker(Topics.FINDINGS, i),
                sample.checkId()), sample.hostId(), marker(Topics.FINDINGS, i), "app", sample.image(), sample.checkId(),
                sample.benchmark(), sample.title(), sample.severity(), sample.level(), sample.scored(),
                sample.evidence(), sample.remediation(), sample.openedAt(), sample.reason()));
        ReportPublished report = EventFixtures.sampleOf(EventCatalog.REPORT_PUBLISHED);
        goods.put(Topics.REPORTS, i -> new ReportPublished(marker(Topics.REPORTS, i), report.generatedAt()
                .plusSeconds(i), report.trigger(), report.benchmark(), report.summary(), report.bucket(),
                report.objects(), report.sha256(), report.previousSha256()));
        goods.put(Topics.BACKUP_EVENTS, i -> new BackupFailed("poison-backup-" + i, null, EventFixtures.HOST_ID,
                marker(Topics.BACKUP_EVENTS, i), EventFixtures.T0, "upload", "drill", true));
        return goods;
    }

    /** The id a topic's good record number {@code i} carries where its effect shows. */
    static String marker(String topic, int i) {
        String kind = topic.substring(topic.lastIndexOf('.') + 1);
        return String.format("poison-good-%s-%04d", kind, i);
    }

    private static boolean containsQuoted(List<String> texts, String id) {
        String quoted = "\"" + id + "\"";
        for (String text : texts) {
            if (text.contains(quoted)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(KafkaBroker broker, String topic) {
        try (TopicProbe probe = broker.probeFromBeginning(topic)) {
            return probe.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(1)).stream()
                    .map(TopicProbe::value).toList();
        }
    }

    /** Waits until every group has committed the end of every topic, and stayed there for {@code quiet}. */
    private static boolean awaitDrained(KafkaBroker broker, Duration quiet, Duration timeout)
            throws InterruptedException {
        Map<String, List<String>> groups = Map.of(
                StackServices.COMPLIANCE, List.of(Topics.CONTAINER_EVENTS, Topics.HOST_EVENTS),
                StackServices.BACKUP, List.of(Topics.BACKUP_COMMANDS, Topics.VOLUME_EVENTS),
                StackServices.NOTIFICATION, List.of(Topics.FINDINGS, Topics.REPORTS, Topics.BACKUP_EVENTS));
        long deadline = System.nanoTime() + timeout.toNanos();
        long drainedSince = 0;
        while (System.nanoTime() < deadline) {
            boolean drained = true;
            try (Admin admin = broker.admin()) {
                KafkaProgress progress = new KafkaProgress(admin);
                for (Map.Entry<String, List<String>> group : groups.entrySet()) {
                    for (String topic : group.getValue()) {
                        drained &= progress.committedTotal(group.getKey(), topic) >= progress.records(topic);
                    }
                }
            }
            if (!drained) {
                drainedSince = 0;
            } else if (drainedSince == 0) {
                drainedSince = System.nanoTime();
            } else if (System.nanoTime() - drainedSince >= quiet.toNanos()) {
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private static DeadLetters deadLetters(KafkaBroker broker, String topic) {
        Set<String> badWithReason = new HashSet<>();
        Set<String> good = new HashSet<>();
        Map<String, Integer> reasons = new TreeMap<>();
        try (TopicProbe probe = broker.probeFromBeginning(Topics.deadLetterOf(topic))) {
            for (ConsumerRecord<String, byte[]> record : probe.awaitQuiet(Duration.ofSeconds(3),
                    Duration.ofMinutes(2))) {
                String bad = TopicProbe.header(record, PoisonRecords.BAD_HEADER);
                String reason = TopicProbe.header(record, Rejection.REASON_HEADER);
                if (TopicProbe.header(record, PoisonRecords.GOOD_HEADER) != null) {
                    good.add(TopicProbe.header(record, PoisonRecords.GOOD_HEADER));
                }
                if (bad != null && reason != null && !reason.isBlank()) {
                    badWithReason.add(bad);
                    reasons.merge(reason, 1, Integer::sum);
                }
            }
        }
        return new DeadLetters(badWithReason.size(), good.size(), reasons);
    }

    /** Every alert its own group; the drill's own alerts to the receiver, the services' side effects to the log. */
    private static Path routingFile(Path directory, String url, String secret) {
        try {
            Path secretFile = directory.resolve("poison-webhook-secret");
            Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secretFile, secret);
            Path routing = directory.resolve("poison-routing.yml");
            Files.writeString(routing, """
                    route:
                      receiver: sink
                      group_by: ['...']
                      group_wait: 0s
                      group_interval: 1m
                      repeat_interval: 24h
                      routes:
                      - matchers: ['container=~"poison-good-findings-.*"']
                        receiver: drill
                      - matchers: ['volume=~"poison-good-events-.*"']
                        receiver: drill
                    receivers:
                    - name: sink
                      log_configs: [{level: info}]
                    - name: drill
                      webhook_configs:
                      - url: %s
                        secret_files: [%s]
                    subscriptions:
                    - name: drill
                      receiver: drill
                      min_severity: info
                    """.formatted(url, secretFile));
            return routing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a dead-letter topic holds.
     *
     * @param badWithReason distinct bad records with a rejection reason
     * @param good good records (there should be none)
     * @param reasons bad records by reason
     */
    record DeadLetters(int badWithReason, int good, Map<String, Integer> reasons) {
    }
}
