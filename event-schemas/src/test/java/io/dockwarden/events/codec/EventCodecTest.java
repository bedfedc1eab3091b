package io.dockwarden.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.EventType;
import io.dockwarden.events.Topics;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.container.ContainerStarted;
import io.dockwarden.events.container.ContainerStateRecorded;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.EventFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final Instant TIME = Instant.parse("2026-03-02T09:41:07.250Z");

    private final EventCodec codec = EventFixtures.codec();

    static Stream<EventType<?>> types() {
        return EventCatalog.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void encodesOnTheTypesTopicKeyedBySubjectWithCloudEventsHeaders(EventType<?> type) {
        EventData data = EventFixtures.sampleOf(type);

        EncodedEvent encoded = codec.encode(data, "id-1", TIME);

        assertThat(encoded.topic()).isEqualTo(type.topic());
        assertThat(encoded.key()).isEqualTo(data.subject());
        assertThat(encoded.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_id", "id-1",
                "ce_source", EventFixtures.SOURCE,
                "ce_type", type.type(),
                "ce_specversion", "1.0",
                "ce_time", "2026-03-02T09:41:07.250Z",
                "ce_subject", data.subject(),
                "ce_dataschema", type.dataschema(),
                "content-type", "application/json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void sampleWithEveryOptionalFieldIsValidUnderItsSchemaAndRoundTrips(EventType<?> type) {
        assertValidAndRoundTrips(type, EventFixtures.sampleOf(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void sampleWithoutOptionalFieldsIsValidUnderItsSchemaAndRoundTrips(EventType<?> type) {
        assertValidAndRoundTrips(type, EventFixtures.minimalOf(type));
    }

    private void assertValidAndRoundTrips(EventType<?> type, EventData data) {
        assertThat(EventSchemas.shared().validate(type, EventJson.mapper().readTree(EventJson.toJson(data)))).isEmpty();

        DecodeResult result = codec.decode(codec.encode(data, "id-7", TIME));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Accepted.class, accepted -> {
            Envelope<?> envelope = accepted.envelope();
            assertThat(envelope.data()).isEqualTo(data);
            assertThat(envelope.type()).isEqualTo(type);
            assertThat(envelope.id()).isEqualTo("id-7");
            assertThat(envelope.source()).isEqualTo(EventFixtures.SOURCE);
            assertThat(envelope.time()).isEqualTo(TIME);
            assertThat(envelope.subject()).isEqualTo(data.subject());
        });
    }

    @Test
    void givesEachEventARandomIdAndTheClocksTime() {
        Instant now = Instant.parse("2026-05-01T12:00:00Z");
        EventCodec clocked = new EventCodec("/dockwarden/inventory/host-1", 4096, Clock.fixed(now, ZoneOffset.UTC));
        ContainerStarted data = EventFixtures.sampleOf(EventCatalog.CONTAINER_STARTED);

        EncodedEvent first = clocked.encode(data);
        EncodedEvent second = clocked.encode(data);

        assertThat(first.headers().get("ce_id")).isNotEqualTo(second.headers().get("ce_id"));
        assertThat(first.headers().get("ce_time")).isEqualTo("2026-05-01T12:00:00Z");
        assertThat(first.headers().get("ce_source")).isEqualTo("/dockwarden/inventory/host-1");
    }

    @Test
    void refusesToEncodeDataThatBreaksItsSchemaNamingTheField() {
        ContainerStarted data = new ContainerStarted("host-1", EventFixtures.CONTAINER_ID, TIME,
                ContainerSnapshotBuilder.from(ContainerSnapshots.hardened()).addEnvName("DB_PASSWORD=hunter2").build());

        assertThatThrownBy(() -> codec.encode(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.dockwarden.container.started.v1")
                .hasMessageContaining("/snapshot/envNames/3");
    }

    @Test
    void refusesToEncodeDataOverThePayloadLimit() {
        EventCodec small = new EventCodec(EventFixtures.SOURCE, 512, Clock.systemUTC());

        assertThatThrownBy(() -> small.encode(EventFixtures.sampleOf(EventCatalog.CONTAINER_STARTED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the limit of 512 bytes");
    }

    @Test
    void refusesABlankIdAndASourceThatIsNotAUriReference() {
        assertThatThrownBy(() -> codec.encode(EventFixtures.sampleOf(EventCatalog.BACKUP_STARTED), " ", TIME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> new EventCodec("not a uri"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce_source");
        assertThatThrownBy(() -> new EventCodec(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce_source");
    }

    @Test
    void tombstoneOnTheCompactedTopicKeepsTheAttributesButHasNoValue() {
        EncodedEvent tombstone = codec.tombstone(EventCatalog.CONTAINER_STATE_RECORDED, "host-1/abc");

        assertThat(tombstone.topic()).isEqualTo(Topics.CONTAINER_STATE);
        assertThat(tombstone.key()).isEqualTo("host-1/abc");
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.headers()).containsEntry("ce_type", "io.dockwarden.container.recorded.v1")
                .containsEntry("ce_subject", "host-1/abc")
                .containsEntry("ce_time", "2026-03-02T08:15:30Z")
                .containsKeys("ce_id", "ce_source", "ce_specversion")
                .doesNotContainKeys("ce_dataschema", "content-type");
        assertThat(EventCodec.isTombstone(tombstone.topic(), tombstone.value())).isTrue();
    }

    @Test
    void refusesTombstonesOnTopicsThatAreNotCompacted() {
        assertThatThrownBy(() -> codec.tombstone(EventCatalog.CONTAINER_REMOVED, "host-1/abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dockwarden.inventory.container-events is not compacted");
    }

    @Test
    void recognisesTombstonesOnlyOnCompactedTopics() {
        assertThat(EventCodec.isTombstone(Topics.CONTAINER_STATE, null)).isTrue();
        assertThat(EventCodec.isTombstone(Topics.CONTAINER_EVENTS, null)).isFalse();
        assertThat(EventCodec.isTombstone(Topics.CONTAINER_STATE, new byte[] {'{', '}'})).isFalse();
    }

    @Test
    void decodingATombstoneSaysItIsOne() {
        EncodedEvent tombstone = codec.tombstone(EventCatalog.CONTAINER_STATE_RECORDED, "host-1/abc");

        assertThat(codec.decode(tombstone)).isEqualTo(new DecodeResult.Rejected(new Rejection(
                RejectionReason.EMPTY_VALUE,
                "the record has no value: a tombstone, which carries no event (check EventCodec.isTombstone first)")));
    }

    @Test
    void acceptsOptionalAttributesAbsentAContentTypeWithParametersAndATimeWithAnOffset() {
        EncodedEvent encoded = codec.encode(EventFixtures.sampleOf(EventCatalog.HOST_OBSERVED), "id-3", TIME);
        Map<String, Object> headers = new HashMap<>(encoded.headers());
        headers.remove("ce_dataschema");
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("ce_time", "2026-03-02T11:41:07.25+02:00");

        DecodeResult result = codec.decode(encoded.topic(), encoded.key(), headers, encoded.value());

        assertThat(result.orElseThrow().time()).isEqualTo(TIME);
        headers.remove("content-type");
        assertThat(codec.decode(encoded.topic(), encoded.key(), headers, encoded.value()))
                .isInstanceOf(DecodeResult.Accepted.class);
    }

    @Test
    void rejectsAHeaderOfAnUnexpectedJavaType() {
        EncodedEvent encoded = codec.encode(EventFixtures.sampleOf(EventCatalog.HOST_OBSERVED));
        Map<String, Object> headers = new HashMap<>(encoded.headers());
        headers.put("ce_id", 42);

        assertThat(codec.decode(encoded.topic(), encoded.key(), headers, encoded.value()))
                .isEqualTo(new DecodeResult.Rejected(new Rejection(RejectionReason.INVALID_ATTRIBUTE,
                        "header ce_id is a java.lang.Integer, expected bytes or a string")));
    }

    @Test
    void checksInTheDocumentedOrderSoTheFirstFaultDecides() {
        EncodedEvent valid = codec.encode(EventFixtures.sampleOf(EventCatalog.CONTAINER_STARTED));
        EventCodec small = new EventCodec(EventFixtures.SOURCE, 16, Clock.systemUTC());
        Map<String, Object> noHeaders = Map.of();
        Map<String, Object> unknownType = with(valid.headers(), "ce_type", "io.dockwarden.nothing.v1");
        Map<String, Object> otherTopicsType = with(valid.headers(), "ce_type", "io.dockwarden.backup.started.v1");
        Map<String, Object> foreignSchema = with(valid.headers(), "ce_dataschema", "https://example.com/x.json");
        byte[] notJson = "{".getBytes(StandardCharsets.UTF_8);

        assertThat(reason(small.decode(valid.topic(), null, noHeaders, valid.value())))
                .isEqualTo(RejectionReason.OVERSIZED);
        assertThat(reason(codec.decode(valid.topic(), null, noHeaders, new byte[] {(byte) 0xff})))
                .isEqualTo(RejectionReason.INVALID_ENCODING);
        assertThat(reason(codec.decode(valid.topic(), null, noHeaders, valid.value())))
                .isEqualTo(RejectionReason.MISSING_ATTRIBUTE);
        assertThat(reason(codec.decode(valid.topic(), "wrong-key", unknownType, valid.value())))
                .isEqualTo(RejectionReason.UNKNOWN_TYPE);
        assertThat(reason(codec.decode(valid.topic(), "wrong-key", otherTopicsType, valid.value())))
                .isEqualTo(RejectionReason.WRONG_TOPIC);
        assertThat(reason(codec.decode(valid.topic(), "wrong-key", foreignSchema, notJson)))
                .isEqualTo(RejectionReason.INVALID_ATTRIBUTE);
        assertThat(reason(codec.decode(valid.topic(), valid.key(), foreignSchema, notJson)))
                .isEqualTo(RejectionReason.INVALID_ATTRIBUTE);
        assertThat(reason(codec.decode(valid.topic(), valid.key(), valid.headers(), notJson)))
                .isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    @Test
    void joinsEveryViolationButCapsTheDetail() {
        EncodedEvent valid = codec.encode(EventFixtures.sampleOf(EventCatalog.CONTAINER_STARTED));
        StringBuilder manyUnknownFields = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            manyUnknownFields.append("\"unknown").append(i).append("\":").append(i).append(',');
        }
        manyUnknownFields.append("\"hostId\":\"host-1\"}");

        DecodeResult result = codec.decode(valid.topic(), valid.key(), valid.headers(),
                manyUnknownFields.toString().getBytes(StandardCharsets.UTF_8));

        String detail = ((DecodeResult.Rejected) result).rejection().detail();
        assertThat(detail).hasSizeLessThanOrEqualTo(EventCodec.MAX_DETAIL_CHARS)
                .startsWith("(root): property 'unknown0' is not defined");
        int shown = detail.split("; ").length;
        int more = Integer.parseInt(detail.replaceAll("(?s).*\\(and ([0-9]+) more\\)$", "$1"));
        // 300 unknown fields, and containerId, occurredAt and snapshot missing.
        assertThat(shown + more).isEqualTo(303);
    }

    @Test
    void bindsDataOfEveryCatalogTypeToItsRecordClass() {
        BackupCompleted data = EventFixtures.sampleOf(EventCatalog.BACKUP_COMPLETED);

        Envelope<?> envelope = codec.decode(codec.encode(data)).orElseThrow();

        assertThat(envelope.data()).isInstanceOf(BackupCompleted.class);
        assertThat(envelope.type().dataClass()).isEqualTo(BackupCompleted.class);
    }

    @Test
    void orElseThrowRaisesTheRejectionForTheDeadLetterHandler() {
        EncodedEvent valid = codec.encode(EventFixtures.sampleOf(EventCatalog.CONTAINER_STATE_RECORDED));

        assertThatThrownBy(() -> codec.decode(Topics.CONTAINER_EVENTS, valid.key(), valid.headers(), valid.value())
                .orElseThrow())
                .isInstanceOfSatisfying(RejectedEventException.class, rejected -> assertThat(
                        rejected.rejection().reason()).isEqualTo(RejectionReason.WRONG_TOPIC));
    }

    /** Whatever the bytes, decoding answers with a verdict; a consumer loop must never die on one record. */
    @Test
    void neverThrowsWhateverTheBytes() {
        EncodedEvent valid = codec.encode(EventFixtures.sampleOf(EventCatalog.FINDING_WAIVED));
        Random random = new Random(20260302);
        for (int round = 0; round < 2000; round++) {
            byte[] value = valid.value().clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                value[random.nextInt(value.length)] = (byte) random.nextInt(256);
            }
            byte[] truncated = java.util.Arrays.copyOf(value, random.nextInt(value.length + 1));

            assertThat(codec.decode(valid.topic(), valid.key(), valid.headers(), value)).isNotNull();
            assertThat(codec.decode(valid.topic(), valid.key(), valid.headers(), truncated)).isNotNull();
        }
    }

    @Test
    void stateRecordsTravelOnTheCompactedTopic() {
        ContainerStateRecorded data = EventFixtures.sampleOf(EventCatalog.CONTAINER_STATE_RECORDED);

        assertThat(codec.encode(data).topic()).isIn(Topics.COMPACTED);
        assertThat(List.copyOf(Topics.COMPACTED)).containsExactly(Topics.CONTAINER_STATE);
    }

    private static Map<String, Object> with(Map<String, String> headers, String name, String value) {
        Map<String, Object> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static RejectionReason reason(DecodeResult result) {
        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) result).rejection().reason();
    }
}
