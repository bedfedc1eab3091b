package io.dockwarden.benchmarks.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.results.MarkdownTable;
import io.dockwarden.benchmarks.results.Results;
import io.dockwarden.benchmarks.results.RunEnvironment;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a drill counted: printed, written to {@code <results>/<drill>/results.json} and {@code results.md}, and only
 * then checked against the goals, so that a missed goal still leaves its numbers behind.
 */
final class DrillReport {

    private static final String RESULTS_PROPERTY = "dockwarden.drills.results";

    private final String drill;
    private final Results results;
    private final List<Figure> figures = new ArrayList<>();

    DrillReport(String drill, String title) {
        this.drill = drill;
        this.results = new Results(root().resolve(drill), title, RunEnvironment.now());
    }

    /** The checkout, whose service jars the drills run. */
    static Path home() {
        return Path.of(System.getProperty("dockwarden.home", "..")).toAbsolutePath().normalize();
    }

    static Path root() {
        String configured = System.getProperty(RESULTS_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of("target", "drill-results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    String name() {
        return drill;
    }

    Path logs() {
        return results.directory().resolve("logs");
    }

    DrillReport setting(String name, Object value) {
        results.setting(name, String.valueOf(value));
        return this;
    }

    DrillReport add(Figure figure) {
        figures.add(figure);
        results.add(figure);
        return this;
    }

    DrillReport count(String metric, double value, String unit) {
        return add(Figure.of(drill, metric, value, unit));
    }

    /** A count with a goal: it must equal {@code expected}. */
    DrillReport expect(String metric, double value, String unit, double expected) {
        return add(Figure.of(drill, metric, value, unit).valueEquals(expected));
    }

    /**
     * Runs the drill's body, then writes and prints what was counted and fails if a goal was missed. When the body
     * fails, what it had counted up to then is still written, with the failure.
     */
    void run(Body body) throws Exception {
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            results.failed(drill, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse(""));
            results.write();
            System.out.println(MarkdownTable.of(figures));
            throw e;
        }
        finish();
    }

    /** A drill's body. */
    interface Body {
        void run() throws Exception;
    }

    /** Writes and prints what was counted, then fails if a goal was missed. */
    void finish() {
        results.write();
        System.out.println();
        System.out.println("== drill " + drill + " (results in " + results.directory() + ")");
        System.out.println(MarkdownTable.of(figures));
        assertThat(figures.stream().filter(Figure::missed).map(figure -> figure.metric() + ": " + figure.goal()
                + " (" + Math.round(figure.value()) + ")").toList()).as("goals missed by drill " + drill).isEmpty();
    }
}
