package io.dockwarden.benchmarks.compliance;

import io.dockwarden.benchmarks.BenchContext;
import io.dockwarden.benchmarks.Benchmark;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.results.Numbers;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.KafkaProgress;
import io.dockwarden.benchmarks.stack.MemorySampler;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.Topics;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compliance throughput: N container events on a real broker, the compliance service as a real process evaluating
 * every one and publishing findings, against a plain kafka-clients relay that reads the same records and writes the
 * same number of records without evaluating. The service is started idle, the events are produced, and its rate is
 * read from its consumer group's committed offsets once the whole backlog is on the broker, until it has finished
 * or the time budget is spent.
 */
public final class ComplianceThroughput implements Benchmark {

    static final String NAME = "compliance-throughput";
    static final String GROUP = StackServices.COMPLIANCE;
    static final String BASELINE_GROUP = "benchmark-plain-relay";
    static final String BASELINE_OUTPUT = "benchmark.plain-relay.findings";
    static final String STATE_TOPIC = "dockwarden.compliance.finding-state";
    private static final Logger log = LoggerFactory.getLogger(ComplianceThroughput.class);

    @Override
    public String name() {
        return "compliance";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        int events = context.options().complianceEvents();
        int containers = Math.min(context.options().complianceContainers(), events);
        Duration budget = context.options().complianceBudget();
        try (BenchStack stack = context.newStack(name())) {
            stack.requireJars(StackServices.COMPLIANCE);
            KafkaBroker broker = stack.kafka();
            broker.createTopics(3, BASELINE_OUTPUT);
            RunningService service = stack.start(stack.services(Map.of()).compliance(FreePorts.next()));
            context.footprints().started(service);

            long produceStart = System.nanoTime();
            try (BulkProducer producer = new BulkProducer(broker.bootstrapServers())) {
                ContainerEventWorkload.Generator generator = ContainerEventWorkload.of(events, containers).generator();
                while (generator.hasNext()) {
                    producer.send(generator.next());
                }
                producer.flush();
            }
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            log.info("Produced {} container events in {} s", events, Numbers.format(produceSeconds));

            Measured measured;
            try (Admin admin = broker.admin(); MemorySampler memory = service.sampleMemory(500)) {
                measured = measure(new KafkaProgress(admin), events, budget);
                context.footprints().underLoad(service.name(), memory, "compliance throughput backlog");
            }
            OptionalDouble evaluationMillis = service.actuator().timerMeanMillis("dockwarden.compliance.evaluation");
            stack.stop(service);
            if (measured.processed() == 0) {
                throw new IllegalStateException("the compliance service processed nothing within " + budget
                        + "; see its log under logs/" + name());
            }
            int findingSize = averageValueSize(broker.bootstrapServers(), Topics.FINDINGS, 500);
            PlainRelay.Relayed baseline = new PlainRelay(broker.bootstrapServers(), BASELINE_GROUP).relay(
                    Topics.CONTAINER_EVENTS, measured.limits(), BASELINE_OUTPUT, measured.findings(),
                    Math.max(findingSize, 1), budget.plusMinutes(2));
            if (baseline.inputs() != measured.processed()) {
                throw new IllegalStateException("the baseline relayed " + baseline.inputs() + " of "
                        + measured.processed() + " records within its time limit");
            }

            String sizes = measured.processed() + " of " + events + " events over " + containers + " containers "
                    + (measured.complete() ? "processed" : "processed within the " + budget.toSeconds()
                    + " s budget") + "; " + measured.findings() + " finding events and " + measured.stateWrites()
                    + " state records written; baseline wrote " + baseline.outputs() + " records of " + findingSize
                    + " bytes";
            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.of(NAME, "events/s, compliance-service (evaluate + publish findings)",
                    measured.eventsPerSecond(), "events/s")
                    .against("plain kafka-clients relay, same records in and out", baseline.inputsPerSecond())
                    .ratioAtLeast(0.5).note(sizes));
            figures.add(Figure.of(NAME, "finding events per input event", measured.findings()
                    / (double) measured.processed(), "findings/event"));
            evaluationMillis.ifPresent(millis -> figures.add(Figure.of(NAME,
                    "service time per event inside the stream function (its share of a batch)", millis, "ms")
                    .note("dockwarden.compliance.evaluation mean: a poll's batch decoded, evaluated, its findings"
                            + " and states made durable, divided by its events")));
            figures.add(Figure.of(NAME, "producer rate of the workload (context)", events / produceSeconds,
                    "events/s").note("batched, acks=all, idempotent"));
            return figures;
        }
    }

    /**
     * Follows the service's committed offsets: the window opens when the whole backlog is on the broker (now) and
     * closes when every event is committed or the budget is spent.
     */
    static Measured measure(KafkaProgress progress, long events, Duration budget) {
        long windowStart = System.nanoTime();
        long startCount = progress.committedTotal(GROUP, Topics.CONTAINER_EVENTS);
        long deadline = windowStart + budget.toNanos();
        long lastCount = startCount;
        long lastProgress = windowStart;
        Map<Integer, Long> committed = progress.committed(GROUP, Topics.CONTAINER_EVENTS);
        while (true) {
            long count = committed.values().stream().mapToLong(Long::longValue).sum();
            long now = System.nanoTime();
            if (count > lastCount) {
                lastCount = count;
                lastProgress = now;
            }
            boolean complete = count >= events;
            boolean stalled = now - lastProgress > Duration.ofSeconds(90).toNanos();
            if (complete || now >= deadline || stalled) {
                long findings = progress.records(Topics.FINDINGS);
                long stateWrites = progress.records(STATE_TOPIC);
                double seconds = (now - windowStart) / 1e9;
                long processedInWindow = count - startCount;
                if (processedInWindow == 0 || seconds < 1) {
                    // The service was faster than the producer: rate over the whole run instead.
                    processedInWindow = count;
                }
                if (stalled && !complete) {
                    log.warn("The compliance service made no progress for 90 s at {} of {} events", count, events);
                }
                return new Measured(count, complete, processedInWindow, Math.max(seconds, 0.001), findings,
                        stateWrites, committed);
            }
            sleep(500);
            committed = progress.committed(GROUP, Topics.CONTAINER_EVENTS);
        }
    }

    /** The mean value size of the first records of a topic. */
    static int averageValueSize(String bootstrapServers, String topic, int sample) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long bytes = 0;
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen < sample && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && seen < sample) {
                        bytes += record.value().length;
                        seen++;
                    }
                }
            }
            return seen == 0 ? 0 : (int) (bytes / seen);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * What the service did in the measuring window.
     *
     * @param processed events committed in all
     * @param complete whether that is every event
     * @param processedInWindow events committed inside the window
     * @param seconds the window's length
     * @param findings finding events on the topic
     * @param stateWrites records on the finding-state topic
     * @param limits committed offsets per partition at the end
     */
    record Measured(long processed, boolean complete, long processedInWindow, double seconds, long findings,
            long stateWrites, Map<Integer, Long> limits) {

        double eventsPerSecond() {
            return processedInWindow / seconds;
        }
    }
}
