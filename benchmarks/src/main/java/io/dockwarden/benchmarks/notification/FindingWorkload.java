package io.dockwarden.benchmarks.notification;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.fixtures.EventFixtures;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings opened on many containers, as the compliance service publishes them: each one a distinct alert (its
 * fingerprint covers host, container and check).
 */
public final class FindingWorkload {

    public static final int CHECKS_PER_CONTAINER = 10;

    private FindingWorkload() {
    }

    /** {@code count} finding-opened events over {@code count / 10} containers, ten checks each. */
    public static List<EncodedEvent> opened(int count, String run) {
        EventCodec codec = new EventCodec("/dockwarden/compliance");
        FindingOpened sample = EventFixtures.sampleOf(EventCatalog.FINDING_OPENED);
        List<EncodedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String container = String.format("%s%056x", run, i / CHECKS_PER_CONTAINER);
            String check = "5." + (i % CHECKS_PER_CONTAINER + 1);
            FindingOpened opened = new FindingOpened(EventFixtures.findingId(container, check), sample.hostId(),
                    container, "app-" + (i / CHECKS_PER_CONTAINER), sample.image(), check, sample.benchmark(),
                    sample.title(), sample.severity(), sample.level(), sample.scored(), sample.evidence(),
                    sample.remediation(), sample.openedAt(), sample.reason());
            events.add(codec.encode(opened, run + "-" + i, sample.openedAt()));
        }
        return events;
    }
}
