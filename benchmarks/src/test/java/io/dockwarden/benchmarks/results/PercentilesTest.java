package io.dockwarden.benchmarks.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesNearestRanksOfObservedSamples() {
        List<Integer> samples = IntStream.rangeClosed(1, 100).boxed().toList();
        Percentiles percentiles = Percentiles.of(samples);
        assertThat(percentiles.p50()).isEqualTo(50);
        assertThat(percentiles.p95()).isEqualTo(95);
        assertThat(percentiles.p99()).isEqualTo(99);
        assertThat(percentiles.max()).isEqualTo(100);
        assertThat(percentiles.min()).isEqualTo(1);
    }

    @Test
    void smallSamplesReportTheirLargestAsHighPercentiles() {
        Percentiles percentiles = Percentiles.of(List.of(30.0, 10.0, 20.0));
        assertThat(percentiles.p50()).isEqualTo(20.0);
        assertThat(percentiles.p99()).isEqualTo(30.0);
        assertThat(percentiles.count()).isEqualTo(3);
    }

    @Test
    void refusesAnEmptySample() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
