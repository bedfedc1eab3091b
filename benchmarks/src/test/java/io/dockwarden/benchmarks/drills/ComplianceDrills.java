package io.dockwarden.benchmarks.drills;

import io.dockwarden.benchmarks.compliance.ContainerEventWorkload;
import io.dockwarden.benchmarks.jmh.ComplianceCatalogue;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.KafkaProgress;
import io.dockwarden.events.Topics;
import io.dockwarden.localstack.StackLayout;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.admin.Admin;

/** What the compliance drills share: following the service's progress and counting what reached the findings. */
final class ComplianceDrills {

    static final String GROUP = StackServices.COMPLIANCE;

    private ComplianceDrills() {
    }

    /** Events the compliance group committed, or -1 while the broker does not answer. */
    static long committed(KafkaBroker broker) {
        try (Admin admin = broker.admin()) {
            return new KafkaProgress(admin).committedTotal(GROUP, Topics.CONTAINER_EVENTS);
        } catch (RuntimeException unavailable) {
            return -1;
        }
    }

    /** Waits until the committed count satisfies the condition; false when the time ran out. */
    static boolean awaitCommitted(KafkaBroker broker, LongPredicate condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long committed = committed(broker);
            if (committed >= 0 && condition.test(committed)) {
                return true;
            }
            sleep(1_000);
        }
        return false;
    }

    static long records(KafkaBroker broker, String topic) {
        try (Admin admin = broker.admin()) {
            return new KafkaProgress(admin).records(topic);
        }
    }

    /**
     * Reads the findings topic whole once the service has gone quiet and counts, against what the service's own
     * catalogue says must be open: findings missing, findings open that should not be, duplicate events and
     * findings opened twice.
     */
    static void countFindings(BenchStack stack, ContainerEventWorkload workload, DrillReport report) {
        KafkaBroker broker = stack.kafka();
        FindingLedger ledger;
        try (TopicProbe findings = broker.probeFromBeginning(Topics.FINDINGS)) {
            findings.awaitQuiet(Duration.ofSeconds(15), Duration.ofMinutes(5));
            ledger = new FindingLedger(findings.records());
        }
        ComplianceCatalogue catalogue = ComplianceCatalogue.fromServiceJar(
                StackLayout.at(stack.work()).serviceJar(StackServices.COMPLIANCE));
        Set<FindingLedger.Finding> expected = FindingLedger.expectedOpen(catalogue, workload);
        Set<FindingLedger.Finding> missing = new HashSet<>(expected);
        missing.removeAll(ledger.open());
        Set<FindingLedger.Finding> unexpected = new HashSet<>(ledger.open());
        unexpected.removeAll(expected);
        String drill = report.name();
        report.count("finding events published", ledger.events(), "events")
                .add(Figure.of(drill, "findings open at the end", ledger.open().size(), "findings")
                        .against("findings the catalogue says must be open", expected.size()).ratioEquals(1.0))
                .add(Figure.of(drill, "findings missing (lost)", missing.size(), "findings").valueEquals(0))
                .add(Figure.of(drill, "findings open that should not be", unexpected.size(), "findings")
                        .valueEquals(0))
                .add(Figure.of(drill, "duplicate finding events (same ce_id twice)", ledger.duplicateEvents(),
                        "events").valueEquals(0))
                .add(Figure.of(drill, "duplicate findings (opened while open)", ledger.duplicateOpens(),
                        "findings").valueEquals(0))
                .add(Figure.of(drill, "finding records that do not decode", ledger.undecodable(), "records")
                        .valueEquals(0));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
