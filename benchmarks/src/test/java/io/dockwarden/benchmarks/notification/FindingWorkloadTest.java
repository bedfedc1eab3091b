package io.dockwarden.benchmarks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.finding.FindingOpened;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingWorkloadTest {

    @Test
    void everyFindingIsAValidEventOnItsOwnContainerAndCheck() {
        List<EncodedEvent> events = FindingWorkload.opened(35, "0a1b2c3d");
        EventCodec codec = new EventCodec("/dockwarden/notification");
        Set<String> subjects = new HashSet<>();
        Set<String> containers = new HashSet<>();
        for (EncodedEvent event : events) {
            FindingOpened opened = (FindingOpened) codec.decode(event).orElseThrow().data();
            subjects.add(opened.containerId() + "/" + opened.checkId());
            containers.add(opened.containerId());
        }
        assertThat(subjects).hasSize(35);
        assertThat(containers).hasSize(4);
    }
}
