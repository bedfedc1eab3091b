package io.dockwarden.compliance.it;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.events.finding.FindingEvent;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads finding events off the findings topic as the contract's records. */
final class Findings {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Findings() {
    }

    /** A probe of topics just created, which may not be in the broker's metadata yet. */
    static TopicProbe probe(KafkaBroker broker, boolean fromBeginning, String... topics) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return fromBeginning ? broker.probeFromBeginning(topics) : broker.probe(topics);
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    static FindingEvent parse(ConsumerRecord<String, byte[]> record) {
        String type = TopicProbe.header(record, "ce_type");
        Class<? extends FindingEvent> data = type.equals(EventCatalog.FINDING_OPENED.type()) ? FindingOpened.class
                : type.equals(EventCatalog.FINDING_RESOLVED.type()) ? FindingResolved.class : FindingWaived.class;
        return EventJson.mapper().readValue(record.value(), data);
    }

    static Predicate<ConsumerRecord<String, byte[]>> about(String hostId) {
        return record -> record.key() != null && record.key().startsWith(hostId + "/");
    }

    static Predicate<ConsumerRecord<String, byte[]>> of(String type, String key) {
        return TopicProbe.ofType(type).and(TopicProbe.withKey(key));
    }

    static List<FindingEvent> events(TopicProbe probe, String hostId) {
        return probe.records(about(hostId)).stream().map(Findings::parse).toList();
    }

    static <T extends FindingEvent> T await(TopicProbe probe, Class<T> type, String key) {
        return await(probe, type, key, 1);
    }

    /** Waits for the {@code nth} event of a type for a finding, and returns it. */
    static <T extends FindingEvent> T await(TopicProbe probe, Class<T> type, String key, int nth) {
        String ceType = type == FindingOpened.class ? EventCatalog.FINDING_OPENED.type()
                : type == FindingResolved.class ? EventCatalog.FINDING_RESOLVED.type()
                : EventCatalog.FINDING_WAIVED.type();
        List<ConsumerRecord<String, byte[]>> records = probe.await(of(ceType, key), nth, TIMEOUT);
        return type.cast(parse(records.get(nth - 1)));
    }
}
