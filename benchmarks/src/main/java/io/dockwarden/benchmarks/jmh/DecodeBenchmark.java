package io.dockwarden.benchmarks.jmh;

import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.EventFixtures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every consumer pays per event before its own work: {@code EventCodec.decode} (headers, UTF-8, JSON, schema
 * validation, binding), against parsing and binding the same JSON alone, so that the share of schema validation is
 * visible.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeBenchmark {

    private EventCodec codec;
    private EncodedEvent event;
    private byte[] value;
    private JsonMapper mapper;

    @Setup
    public void setUp() {
        codec = new EventCodec("/dockwarden/inventory/" + EventFixtures.HOST_ID);
        event = codec.encode(new ContainerObserved(EventFixtures.HOST_ID, EventFixtures.CONTAINER_ID,
                EventFixtures.T0, ContainerSnapshots.hardened()), "bench-1", EventFixtures.T0);
        value = event.value();
        mapper = EventJson.mapper();
    }

    /** Decode with every check of the contract, schema validation included. */
    @Benchmark
    public DecodeResult decodeAndValidateContainerEvent() {
        return codec.decode(event);
    }

    /** The JSON alone: parse the tree and bind it to the record, as decode does after validating. */
    @Benchmark
    public ContainerObserved parseAndBindContainerEvent() {
        return mapper.treeToValue(mapper.readTree(value), ContainerObserved.class);
    }
}
