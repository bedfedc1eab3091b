package io.dockwarden.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventType;
import io.dockwarden.events.fixtures.EventFixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The example records are what other systems copy from; each must be exactly what a Dockwarden producer writes. */
class ExamplesTest {

    private final EventCodec codec = EventFixtures.codec();

    static List<RecordFile> examples() {
        return RecordFile.in(RecordFile.EXAMPLES);
    }

    @Test
    void everyCatalogTypeHasAnExample() {
        assertThat(examples().stream().map(example -> example.headers().get(CloudEventHeaders.TYPE))
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(EventType::type).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleValidatesAgainstItsSchema(RecordFile example) {
        EventType<?> type = EventCatalog.byType((String) example.headers().get(CloudEventHeaders.TYPE)).orElseThrow();

        assertThat(EventSchemas.shared().validate(type, EventJson.mapper().readTree(example.value()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleDecodesWithHeadersAsTextOrAsBytes(RecordFile example) {
        assertThat(example.decodeWith(codec)).isInstanceOf(DecodeResult.Accepted.class);
        assertThat(example.withByteHeaders().decodeWith(codec)).isInstanceOf(DecodeResult.Accepted.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsWhatTheProducerWritesForTheSameData(RecordFile example) {
        var envelope = example.decodeWith(codec).orElseThrow();

        EncodedEvent encoded = codec.encode(envelope.data(), envelope.id(), envelope.time());

        JsonNode written = EventJson.mapper().readTree(encoded.value());
        assertThat(written).isEqualTo(EventJson.mapper().readTree(example.value()));
        assertThat(encoded.topic()).isEqualTo(example.topic());
        assertThat(encoded.key()).isEqualTo(example.key());
        assertThat(encoded.headers()).containsAllEntriesOf(example.headers().entrySet().stream()
                .filter(header -> !header.getKey().equals(CloudEventHeaders.SOURCE))
                .collect(Collectors.toMap(header -> header.getKey(), header -> (String) header.getValue())));
    }
}
