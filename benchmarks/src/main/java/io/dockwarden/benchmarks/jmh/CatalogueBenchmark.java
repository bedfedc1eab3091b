package io.dockwarden.benchmarks.jmh;

import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.EventFixtures;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.host.HostSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The compliance service's CPU work per container event: the full check catalogue over one snapshot (as the service
 * assesses it, waivers included), and the whole in-memory path of a first sighting (decode and validate, assess, open
 * the findings, encode and validate each finding event) that the service does before any I/O.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CatalogueBenchmark {

    private ComplianceCatalogue catalogue;
    private ContainerSnapshot privileged;
    private ContainerSnapshot hardened;
    private HostSnapshot host;
    private Instant now;
    private EventCodec inventory;
    private EventCodec compliance;
    private EncodedEvent privilegedObserved;

    @Setup
    public void setUp() {
        String classes = System.getProperty(ComplianceCatalogue.CLASSES_PROPERTY);
        if (classes == null) {
            throw new IllegalStateException("-D" + ComplianceCatalogue.CLASSES_PROPERTY + " must name the compliance"
                    + " service's extracted classes");
        }
        catalogue = ComplianceCatalogue.fromClasses(Path.of(classes));
        privileged = ContainerSnapshots.privileged();
        hardened = ContainerSnapshots.hardened();
        host = HostSnapshots.hardened();
        now = EventFixtures.T0.plusSeconds(60);
        inventory = new EventCodec("/dockwarden/inventory/" + EventFixtures.HOST_ID);
        compliance = new EventCodec("/dockwarden/compliance");
        privilegedObserved = inventory.encode(new ContainerObserved(EventFixtures.HOST_ID, EventFixtures.CONTAINER_ID,
                EventFixtures.T0, privileged), "bench-1", EventFixtures.T0);
    }

    /** Every container check over a container that fails most of them (evidence built for each failure). */
    @Benchmark
    public List<?> catalogueOnPrivilegedContainer() {
        return catalogue.assess(EventFixtures.HOST_ID, privileged, host, now);
    }

    /** Every container check over a container that passes them. */
    @Benchmark
    public List<?> catalogueOnHardenedContainer() {
        return catalogue.assess(EventFixtures.HOST_ID, hardened, host, now);
    }

    /** Decode, assess, open the findings and encode them: the CPU cost of a new privileged container. */
    @Benchmark
    public void firstSightingOfPrivilegedContainer(Blackhole blackhole) {
        DecodeResult decoded = inventory.decode(privilegedObserved);
        EventData data = decoded.orElseThrow().data();
        ContainerObserved observed = (ContainerObserved) data;
        List<?> assessments = catalogue.assess(observed.hostId(), observed.snapshot(), host, now);
        for (ComplianceCatalogue.Opened opened : catalogue.firstSighting(observed.hostId(), observed.containerId(),
                observed.snapshot().name(), observed.snapshot().image().ref(), assessments, observed.occurredAt(),
                now)) {
            blackhole.consume(compliance.encode(opened.data(), opened.id(), opened.time()));
        }
    }
}
