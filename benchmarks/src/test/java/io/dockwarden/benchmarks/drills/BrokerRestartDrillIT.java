package io.dockwarden.benchmarks.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.benchmarks.compliance.ContainerEventWorkload;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.events.Topics;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Broker restart: container events flow to the compliance service (produced at a steady rate, as the inventory
 * publishes them, with the same codec and an idempotent producer) while the broker is killed and started again on the
 * same ports and data. Counts events in, events processed, findings out, duplicates and losses; goal: none lost,
 * none duplicated.
 */
class BrokerRestartDrillIT {

    private static final int EVENTS = Integer.getInteger("drill.broker-restart.events", 100_000);
    private static final int CONTAINERS = Integer.getInteger("drill.broker-restart.containers", EVENTS / 10);
    private static final int RATE = Integer.getInteger("drill.broker-restart.rate", 200);
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void losesAndDuplicatesNothingWhenTheBrokerRestartsUnderFlow() throws Exception {
        DrillReport report = new DrillReport("broker-restart", "Drill: broker restart while container events flow"
                + " to compliance").setting("events", EVENTS).setting("containers", CONTAINERS)
                .setting("rate", RATE + "/s").setting("outage", OUTAGE.toSeconds() + "s (SIGKILL, same data)");
        report.run(() -> {
            ContainerEventWorkload workload = ContainerEventWorkload.of(EVENTS, CONTAINERS);
            try (BenchStack stack = BenchStack.create(DrillReport.home(), report.logs())) {
                KafkaBroker broker = stack.kafka();
                stack.start(stack.services(Map.of()).compliance(FreePorts.next()));
                long acknowledged;
                long restartedAt;
                try (WorkloadFeeder feeder = new WorkloadFeeder(broker.bootstrapServers(), workload, RATE)) {
                    // Both legs cross the outage: a third of the events produced, some of them processed.
                    assertThat(awaitSent(feeder, EVENTS / 3L, Duration.ofHours(1))).isTrue();
                    assertThat(ComplianceDrills.awaitCommitted(broker, committed -> committed > 0,
                            Duration.ofMinutes(10))).as("the service processes events").isTrue();
                    long killedAt = System.nanoTime();
                    broker.kill();
                    Thread.sleep(OUTAGE.toMillis());
                    broker.start();
                    restartedAt = System.nanoTime();
                    report.count("broker down (kill to serving again)", (restartedAt - killedAt) / 1e9, "s");
                    acknowledged = feeder.awaitAcknowledged(Duration.ofHours(1).toMillis());
                }
                boolean processed = ComplianceDrills.awaitCommitted(broker, committed -> committed >= EVENTS,
                        Duration.ofHours(3));
                report.count("seconds from the restart to the last event processed",
                        (System.nanoTime() - restartedAt) / 1e9, "s");
                long onTopic = ComplianceDrills.records(broker, Topics.CONTAINER_EVENTS);
                long committed = ComplianceDrills.committed(broker);
                String drill = report.name();
                report.add(Figure.of(drill, "events acknowledged by the broker", acknowledged, "events")
                                .against("events produced", EVENTS).ratioEquals(1.0))
                        .add(Figure.of(drill, "events on the input topic", onTopic, "events")
                                .against("events produced", EVENTS).ratioEquals(1.0))
                        .add(Figure.of(drill, "events processed (offsets committed)", committed, "events")
                                .against("events on the input topic", onTopic).ratioEquals(1.0)
                                .note(processed ? "" : "not all within 3 h"))
                        .add(Figure.of(drill, "events dead-lettered", ComplianceDrills.records(broker,
                                Topics.deadLetterOf(Topics.CONTAINER_EVENTS)), "events").valueEquals(0));
                ComplianceDrills.countFindings(stack, workload, report);
            }
        });
    }

    private static boolean awaitSent(WorkloadFeeder feeder, long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !feeder.finished()) {
            if (feeder.sent() >= count) {
                return true;
            }
            ComplianceDrills.sleep(200);
        }
        return feeder.sent() >= count;
    }
}
