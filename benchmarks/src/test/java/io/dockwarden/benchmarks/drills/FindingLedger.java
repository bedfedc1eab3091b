package io.dockwarden.benchmarks.drills;

import io.dockwarden.benchmarks.compliance.ContainerEventWorkload;
import io.dockwarden.benchmarks.jmh.ComplianceCatalogue;
import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The findings topic replayed in order per key: which findings are open at the end, which events were published
 * twice (the same {@code ce_id}), and which findings were opened while already open (a duplicate finding).
 */
final class FindingLedger {

    private final Set<Finding> open = new HashSet<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private long duplicateOpens;
    private long undecodable;
    private long events;

    FindingLedger(List<ConsumerRecord<String, byte[]>> records) {
        EventCodec codec = new EventCodec("/dockwarden/drills");
        for (ConsumerRecord<String, byte[]> record : records) {
            events++;
            DecodeResult decoded = codec.decode(record.topic(), record.key(), TopicProbe.headers(record),
                    record.value());
            if (!(decoded instanceof DecodeResult.Accepted accepted)) {
                undecodable++;
                continue;
            }
            ids.merge(accepted.envelope().id(), 1, Integer::sum);
            EventData data = accepted.envelope().data();
            if (data instanceof FindingOpened opened) {
                if (!open.add(new Finding(opened.containerId(), opened.checkId()))) {
                    duplicateOpens++;
                }
            } else if (data instanceof FindingResolved resolved) {
                open.remove(new Finding(resolved.containerId(), resolved.checkId()));
            } else if (data instanceof FindingWaived waived) {
                open.remove(new Finding(waived.containerId(), waived.checkId()));
            }
        }
    }

    long events() {
        return events;
    }

    /** Records whose {@code ce_id} had been published before. */
    long duplicateEvents() {
        return ids.values().stream().mapToLong(count -> count - 1).sum();
    }

    long duplicateOpens() {
        return duplicateOpens;
    }

    long undecodable() {
        return undecodable;
    }

    Set<Finding> open() {
        return Set.copyOf(open);
    }

    /**
     * The findings that must be open once the compliance service has read a workload whole: for each container, the
     * checks that its last snapshot fails, as the service's own catalogue (loaded from its jar) decides.
     */
    static Set<Finding> expectedOpen(ComplianceCatalogue catalogue, ContainerEventWorkload workload) {
        Map<Integer, Set<String>> failing = new HashMap<>();
        Set<Finding> expected = new HashSet<>();
        int containers = Math.min(workload.containers(), workload.events());
        for (int container = 0; container < containers; container++) {
            int lastRound = (workload.events() - 1 - container) / workload.containers();
            int profile = ContainerEventWorkload.profileOf(container);
            boolean running = lastRound % 2 == 0;
            Set<String> checks = failing.computeIfAbsent(profile * 2 + (running ? 0 : 1), key ->
                    catalogue.failingChecks(workload.hostId(), ContainerEventWorkload.snapshot(profile, running),
                            null, Instant.now()));
            String id = ContainerEventWorkload.containerId(container);
            checks.forEach(check -> expected.add(new Finding(id, check)));
        }
        return expected;
    }

    /**
     * One finding: a check on a container.
     *
     * @param containerId the container
     * @param checkId the check
     */
    record Finding(String containerId, String checkId) {
    }
}
