package io.dockwarden.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsToTheIssuesSizes() {
        Options options = Options.parse("all");
        assertThat(options.benchmarks()).containsExactlyElementsOf(Options.ALL);
        assertThat(options.complianceEvents()).isEqualTo(200_000);
        assertThat(options.volumeBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(options.randomShare()).isEqualTo(0.5);
    }

    @Test
    void runsNamedBenchmarksInTheSuitesOrderWithFlagsApplied() {
        Options options = Options.parse("backup", "compliance", "--compliance-events=50_000", "--volume-size=256m",
                "--compliance-budget=90s", "--latency-interval=500ms");
        assertThat(options.benchmarks()).containsExactly("compliance", "backup");
        assertThat(options.complianceEvents()).isEqualTo(50_000);
        assertThat(options.volumeBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(options.complianceBudget()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.latencyInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void readsSizesAndDurationsAsPeopleWriteThem() {
        assertThat(Options.bytes("1g")).isEqualTo(1L << 30);
        assertThat(Options.bytes("512K")).isEqualTo(512L * 1024);
        assertThat(Options.bytes("2GB")).isEqualTo(2L << 30);
        assertThat(Options.bytes("1000")).isEqualTo(1000);
        assertThat(Options.duration("4m")).isEqualTo(Duration.ofMinutes(4));
        assertThat(Options.duration("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Options.parse()).hasMessageContaining("name the benchmarks");
        assertThatThrownBy(() -> Options.parse("speed")).hasMessageContaining("unknown benchmark 'speed'");
        assertThatThrownBy(() -> Options.parse("all", "--events=1")).hasMessageContaining("unknown flag --events");
        assertThatThrownBy(() -> Options.parse("all", "--random-share=2")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Options.parse("all", "--compliance-events=0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Options.duration("5 weeks")).isInstanceOf(RuntimeException.class);
    }
}
