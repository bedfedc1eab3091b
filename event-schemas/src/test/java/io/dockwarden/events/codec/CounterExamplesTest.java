package io.dockwarden.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.fixtures.EventFixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a record can be wrong is rejected for the right reason, with a detail that points at the fault. */
class CounterExamplesTest {

    static List<RecordFile> counterExamples() {
        return RecordFile.in(RecordFile.COUNTER_EXAMPLES);
    }

    @Test
    void coverEveryRejectionReason() {
        Set<RejectionReason> covered = counterExamples().stream().map(RecordFile::expectedReason)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RejectionReason.class)));

        assertThat(covered).containsExactlyInAnyOrder(RejectionReason.values());
        assertThat(counterExamples()).hasSizeGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("counterExamples")
    void counterExampleIsRejectedForItsReasonWithADetailNamingTheFault(RecordFile counterExample) {
        EventCodec codec = new EventCodec(EventFixtures.SOURCE, counterExample.maxPayloadBytes(),
                Clock.fixed(EventFixtures.T0, ZoneOffset.UTC));

        DecodeResult result = counterExample.decodeWith(codec);

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Rejected.class, rejected -> {
            assertThat(rejected.rejection().reason()).isEqualTo(counterExample.expectedReason());
            assertThat(rejected.rejection().detail()).contains(counterExample.expectedDetail());
        });
    }
}
