package io.dockwarden.benchmarks.latency;

import io.dockwarden.benchmarks.BenchContext;
import io.dockwarden.benchmarks.Benchmark;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.results.Numbers;
import io.dockwarden.benchmarks.results.Percentiles;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.MemorySampler;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.Topics;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection latency: containers created (and started) on the real engine at a steady rate with inventory and
 * compliance running as processes; for each, the time from the engine's timestamp of its create event to the
 * timestamp of the first {@code finding opened} record about it. The baseline is the floor: the same event reaching a
 * plain subscriber of the engine's event stream. The inventory's leg (engine to its container event record) is
 * reported too, so that each service's share shows.
 */
public final class DetectionLatency implements Benchmark {

    static final String NAME = "detection-latency";
    private static final Logger log = LoggerFactory.getLogger(DetectionLatency.class);
    private static final String LABEL = "io.dockwarden.benchmark";
    private static final Duration DETECTION_TIMEOUT = Duration.ofSeconds(90);
    private static final int WARM_UP = 3;

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        int count = context.options().latencyContainers();
        Duration interval = context.options().latencyInterval();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String labelValue = "latency-" + run;
        try (BenchStack stack = context.newStack(name())) {
            stack.requireJars(StackServices.INVENTORY, StackServices.COMPLIANCE);
            DockerEngine engine = stack.engine();
            KafkaBroker broker = stack.kafka();
            StackServices services = stack.services(Map.of());
            RunningService compliance = stack.start(services.compliance(FreePorts.next()));
            RunningService inventory = stack.start(services.inventory(FreePorts.next()));
            context.footprints().started(compliance);
            context.footprints().started(inventory);

            Map<String, String> containers = new LinkedHashMap<>();
            try (EngineEvents events = new EngineEvents(engine, LABEL, labelValue);
                    TopicProbe findings = broker.probe(Topics.FINDINGS);
                    TopicProbe containerEvents = broker.probe(Topics.CONTAINER_EVENTS);
                    MemorySampler inventoryMemory = inventory.sampleMemory(500);
                    MemorySampler complianceMemory = compliance.sampleMemory(500)) {
                try {
                    warmUp(engine, findings, run, containers);
                    long next = System.nanoTime();
                    for (int i = 0; i < count; i++) {
                        sleepUntil(next);
                        String name = "dw-bench-lat-" + run + "-" + i;
                        String id = engine.createAndStart(name, command -> command.withLabels(
                                new HashMap<>(Map.of(LABEL, labelValue))));
                        containers.put(id, name);
                        next += interval.toNanos();
                    }
                    awaitDetection(findings, containers.keySet());
                    return figures(containers, events, findings.records(), containerEvents.records(), count,
                            interval);
                } finally {
                    context.footprints().underLoad(inventory.name(), inventoryMemory, "detection latency");
                    context.footprints().underLoad(compliance.name(), complianceMemory, "detection latency");
                    containers.keySet().forEach(engine::removeContainerQuietly);
                }
            }
        }
    }

    /**
     * A few containers before the measured ones, not counted: the first events through freshly started services pay
     * for class loading and JIT compilation, which says nothing about detection in a running system.
     */
    private static void warmUp(DockerEngine engine, TopicProbe findings, String run, Map<String, String> created) {
        Map<String, String> warmUp = new LinkedHashMap<>();
        for (int i = 0; i < WARM_UP; i++) {
            String name = "dw-bench-lat-" + run + "-warmup-" + i;
            warmUp.put(engine.createAndStart(name, command -> { }), name);
        }
        created.putAll(warmUp);
        awaitDetection(findings, warmUp.keySet());
        warmUp.keySet().forEach(created::remove);
        warmUp.keySet().forEach(engine::removeContainerQuietly);
    }

    private static void awaitDetection(TopicProbe findings, Set<String> containers) {
        long deadline = System.nanoTime() + DETECTION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> detected = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : findings.records(opened())) {
                detected.add(containerOf(record.key()));
            }
            if (detected.containsAll(containers)) {
                return;
            }
            sleepMillis(200);
        }
        log.warn("Not every container was detected within {}", DETECTION_TIMEOUT);
    }

    static List<Figure> figures(Map<String, String> containers, EngineEvents events,
            List<ConsumerRecord<String, byte[]>> findings, List<ConsumerRecord<String, byte[]>> containerEvents,
            int count, Duration interval) {
        Map<String, Long> firstFinding = firstTimestamps(findings, opened());
        Map<String, Long> firstInventoryEvent = firstTimestamps(containerEvents, record -> true);
        List<Double> detection = new ArrayList<>();
        List<Double> inventoryLeg = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        int undetected = 0;
        for (String id : containers.keySet()) {
            Long created = events.createdAtNanos(id).orElse(null);
            if (created == null) {
                undetected++;
                continue;
            }
            double createdMillis = created / 1e6;
            events.receivedAtMillis(id).ifPresent(received -> floor.add(received - createdMillis));
            Long inventoryAt = firstInventoryEvent.get(id);
            if (inventoryAt != null) {
                inventoryLeg.add(inventoryAt - createdMillis);
            }
            Long findingAt = firstFinding.get(id);
            if (findingAt == null) {
                undetected++;
            } else {
                detection.add(findingAt - createdMillis);
            }
        }
        if (detection.isEmpty() || floor.isEmpty()) {
            throw new IllegalStateException("no container was detected (" + undetected + " of " + count
                    + " missing); see the services' logs under logs/latency");
        }
        Percentiles measured = Percentiles.of(detection);
        Percentiles plain = Percentiles.of(floor);
        String note = measured.count() + " of " + count + " containers detected, one created every "
                + interval.toMillis() + " ms after " + WARM_UP + " uncounted warm-up containers"
                + (undetected == 0 ? "" : "; " + undetected + " not within " + DETECTION_TIMEOUT.toSeconds() + " s");
        String inventoryNote = inventoryLeg.isEmpty() ? "" : "inventory leg (engine event to container event record):"
                + " p50 " + Numbers.format(Percentiles.of(inventoryLeg).p50()) + " ms, p99 "
                + Numbers.format(Percentiles.of(inventoryLeg).p99()) + " ms";
        String baseline = "plain engine event subscriber";
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(NAME, "engine create event to finding opened, p50", measured.p50(), "ms")
                .against(baseline, plain.p50()).note(note));
        figures.add(Figure.of(NAME, "engine create event to finding opened, p95", measured.p95(), "ms")
                .against(baseline, plain.p95()));
        figures.add(Figure.of(NAME, "engine create event to finding opened, p99", measured.p99(), "ms")
                .against(baseline, plain.p99()).note(inventoryNote));
        figures.add(Figure.of(NAME, "engine create event to finding opened, max", measured.max(), "ms")
                .against(baseline, plain.max()));
        figures.add(Figure.of(NAME, "containers not detected within " + DETECTION_TIMEOUT.toSeconds() + " s",
                undetected, "containers").valueEquals(0));
        return figures;
    }

    private static Predicate<ConsumerRecord<String, byte[]>> opened() {
        return TopicProbe.ofType(EventCatalog.FINDING_OPENED.type());
    }

    /** The earliest record timestamp per container id, from keys {@code <host>/<container>[/<check>]}. */
    private static Map<String, Long> firstTimestamps(List<ConsumerRecord<String, byte[]>> records,
            Predicate<ConsumerRecord<String, byte[]>> filter) {
        Map<String, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && filter.test(record)) {
                first.merge(containerOf(record.key()), record.timestamp(), Math::min);
            }
        }
        return first;
    }

    static String containerOf(String key) {
        String[] parts = key.split("/");
        return parts.length >= 2 ? parts[1] : key;
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            sleepMillis(wait / 1_000_000);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
