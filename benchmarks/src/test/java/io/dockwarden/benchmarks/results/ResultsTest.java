package io.dockwarden.benchmarks.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultsTest {

    private static final RunEnvironment QUIET = new RunEnvironment(Instant.parse("2026-11-23T10:00:00Z"), 0.5, 0.4,
            0.3, 2, 24_000, 20_000, "OpenJDK 17", "Linux");

    @Test
    void ratiosAreTheValueOverItsBaseline() {
        Figure figure = Figure.of("b", "events/s", 300, "events/s").against("relay", 1200).ratioAtLeast(0.5);
        assertThat(figure.ratio()).isEqualTo(0.25);
        assertThat(figure.goal()).isEqualTo("ratio >= 0.500");
        assertThat(figure.missed()).isTrue();
    }

    @Test
    void countsMeetTheirGoalsExactly() {
        assertThat(Figure.of("d", "lost", 0, "events").valueEquals(0).missed()).isFalse();
        assertThat(Figure.of("d", "lost", 1, "events").valueEquals(0).missed()).isTrue();
        assertThat(Figure.of("d", "delivered", 50, "alerts").against("raised", 50).ratioEquals(1.0).missed())
                .isFalse();
        assertThat(Figure.of("d", "no goal", 7, "x").missed()).isFalse();
    }

    @Test
    void writesTheFiguresAsJsonAndAsAMarkdownTableNamingMissedGoals(@TempDir Path directory) throws Exception {
        Results results = new Results(directory, "Test run", QUIET);
        results.setting("events", "200000");
        results.add(Figure.of("compliance-throughput", "events/s", 120, "events/s").against("relay", 4000)
                .ratioAtLeast(0.5).note("per-record acknowledgements"));
        results.add(Figure.of("drill", "lost | found", 0, "events").valueEquals(0));
        results.failed("backup", "restic is not installed");
        results.write();

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(directory.resolve("results.json")));
        assertThat(json.path("figures")).hasSize(2);
        assertThat(json.path("figures").get(0).path("ratio").asDouble()).isEqualTo(0.03);
        assertThat(json.path("settings").path("events").asString()).isEqualTo("200000");
        assertThat(json.path("failures").get(0).path("benchmark").asString()).isEqualTo("backup");

        String markdown = Files.readString(directory.resolve("results.md"));
        assertThat(markdown).contains("| compliance-throughput | events/s | 120 events/s | relay | 4,000 events/s | "
                + "0.0300 | ratio >= 0.500 | **no** | per-record acknowledgements |");
        assertThat(markdown).contains("lost \\| found");
        assertThat(markdown).contains("Goals missed:\n- compliance-throughput / events/s: ratio >= 0.500 not met");
        assertThat(markdown).contains("Not measured:\n- backup: restic is not installed");
        assertThat(markdown).contains("Load average at start 0.500 / 0.400 / 0.300");
    }

    @Test
    void readsLoadAveragesAndMemoryFromProcFiles() {
        assertThat(RunEnvironment.loadAverages("12.70 11.26 7.53 3/812 4242\n")).containsExactly(12.70, 11.26, 7.53);
        assertThat(RunEnvironment.loadAverages("")).containsExactly(0, 0, 0);
        assertThat(RunEnvironment.meminfoKib("MemTotal:       24684100 kB\nMemAvailable:   21663308 kB\n",
                "MemAvailable")).isEqualTo(21_663_308);
    }
}
