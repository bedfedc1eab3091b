package io.dockwarden.benchmarks.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.benchmarks.compliance.ContainerEventWorkload;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.Topics;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: two compliance instances in one consumer group while container events flow and the partitions move
 * between them three times (a second instance joins, the first leaves gracefully, then comes back). Counts duplicate
 * and missing findings against what the catalogue says must be open; goal: none.
 */
class ScaleOutDrillIT {

    private static final int EVENTS = Integer.getInteger("drill.scale-out.events", 6_000);
    private static final int CONTAINERS = Integer.getInteger("drill.scale-out.containers", 2_000);
    private static final int RATE = Integer.getInteger("drill.scale-out.rate", 50);

    @Test
    void twoInstancesInOneGroupNeitherLoseNorDuplicateFindingsWhilePartitionsMove() throws Exception {
        DrillReport report = new DrillReport("scale-out", "Drill: two compliance instances, partitions rebalancing")
                .setting("events", EVENTS).setting("containers", CONTAINERS).setting("rate", RATE + "/s");
        report.run(() -> {
            ContainerEventWorkload workload = ContainerEventWorkload.of(EVENTS, CONTAINERS);
            try (BenchStack stack = BenchStack.create(DrillReport.home(), report.logs())) {
                KafkaBroker broker = stack.kafka();
                StackServices services = stack.services(Map.of());
                RunningService first = stack.start(services.compliance(FreePorts.next()));
                int rebalances = 0;
                try (WorkloadFeeder feeder = new WorkloadFeeder(broker.bootstrapServers(), workload, RATE)) {
                    assertThat(ComplianceDrills.awaitCommitted(broker, committed -> committed >= EVENTS / 6L,
                            Duration.ofMinutes(30))).isTrue();
                    RunningService second = stack.start(services.compliance(FreePorts.next()));
                    rebalances++;
                    assertThat(ComplianceDrills.awaitCommitted(broker, committed -> committed >= EVENTS / 2L,
                            Duration.ofMinutes(30))).isTrue();
                    stack.stop(first);
                    rebalances++;
                    assertThat(ComplianceDrills.awaitCommitted(broker, committed -> committed >= EVENTS * 2L / 3,
                            Duration.ofMinutes(30))).isTrue();
                    first = stack.start(services.compliance(first.port()));
                    rebalances++;
                    long acknowledged = feeder.awaitAcknowledged(Duration.ofHours(1).toMillis());
                    boolean processed = ComplianceDrills.awaitCommitted(broker, committed -> committed >= EVENTS,
                            Duration.ofMinutes(30));
                    String drill = report.name();
                    report.count("membership changes while events flowed", rebalances, "rebalances")
                            .add(Figure.of(drill, "events acknowledged by the broker", acknowledged, "events")
                                    .against("events produced", EVENTS).ratioEquals(1.0))
                            .add(Figure.of(drill, "events processed (offsets committed)",
                                    ComplianceDrills.committed(broker), "events")
                                    .against("events produced", EVENTS).ratioEquals(1.0)
                                    .note(processed ? "" : "not all within 30 min"))
                            .add(Figure.of(drill, "events dead-lettered", ComplianceDrills.records(broker,
                                    Topics.deadLetterOf(Topics.CONTAINER_EVENTS)), "events").valueEquals(0))
                            .expect("instances healthy at the end",
                                    ("UP".equals(first.actuator().healthStatus("")) ? 1 : 0)
                                            + ("UP".equals(second.actuator().healthStatus("")) ? 1 : 0),
                                    "instances", 2);
                }
                ComplianceDrills.countFindings(stack, workload, report);
            }
        });
    }
}
