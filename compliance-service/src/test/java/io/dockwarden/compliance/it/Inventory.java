package io.dockwarden.compliance.it;

import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import java.time.Instant;

/** Publishes what the inventory would, on the real broker. */
final class Inventory {

    private final KafkaBroker broker;
    private final EventCodec codec = new EventCodec("/dockwarden/inventory/it");

    Inventory(KafkaBroker broker) {
        this.broker = broker;
    }

    void host(String hostId, HostSnapshot host) {
        broker.send(codec.encode(new HostObserved(hostId, Instant.now(), host)));
    }

    /** Publishes a snapshot of a container; the container id is also the snapshot's id. */
    EncodedEvent container(String hostId, String containerId, ContainerSnapshot snapshot) {
        ContainerSnapshot identified = ContainerSnapshotBuilder.from(snapshot).id(containerId).build();
        EncodedEvent event = codec.encode(new ContainerObserved(hostId, containerId, Instant.now(), identified));
        broker.send(event);
        return event;
    }

    void removed(String hostId, String containerId, String name) {
        broker.send(codec.encode(new ContainerRemoved(hostId, containerId, Instant.now(), name, null)));
    }
}
