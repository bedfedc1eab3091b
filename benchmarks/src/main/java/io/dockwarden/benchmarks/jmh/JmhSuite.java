package io.dockwarden.benchmarks.jmh;

import io.dockwarden.benchmarks.BenchContext;
import io.dockwarden.benchmarks.Benchmark;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.results.Numbers;
import io.dockwarden.localstack.StackLayout;
import io.dockwarden.localstack.StackServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Evaluation cost under JMH with the GC profiler: nanoseconds and allocated bytes per operation. Each figure is set
 * against the decode of the same event, the cost every consumer pays anyway, so the budget is visible; decode itself
 * is set against parsing and binding alone, so the cost of schema validation is.
 */
public final class JmhSuite implements Benchmark {

    static final String NAME = "evaluation-cost";

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public List<Figure> run(BenchContext context) throws RunnerException {
        Path jar = StackLayout.at(context.options().home().toAbsolutePath()).serviceJar(StackServices.COMPLIANCE);
        Path classes = ComplianceCatalogue.extractClasses(jar);
        try {
            ComplianceCatalogue catalogue = ComplianceCatalogue.fromClasses(classes);
            Path out = context.resultsDirectory().resolve("jmh");
            Files.createDirectories(out);
            var options = new OptionsBuilder()
                    .include(CatalogueBenchmark.class.getName())
                    .include(DecodeBenchmark.class.getName())
                    .forks(context.options().jmhForks())
                    .warmupIterations(context.options().jmhWarmupIterations())
                    .warmupTime(TimeValue.milliseconds(context.options().jmhIterationTime().toMillis()))
                    .measurementIterations(context.options().jmhIterations())
                    .measurementTime(TimeValue.milliseconds(context.options().jmhIterationTime().toMillis()))
                    .addProfiler(GCProfiler.class)
                    .jvmArgsAppend("-D" + ComplianceCatalogue.CLASSES_PROPERTY + "=" + classes, "-Xms512m",
                            "-Xmx512m")
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve("jmh-result.json").toString())
                    .output(out.resolve("jmh-output.txt").toString())
                    .build();
            Collection<RunResult> runs = new Runner(options).run();
            return figures(runs, catalogue.containerChecks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(classes);
        }
    }

    static List<Figure> figures(Collection<RunResult> runs, int containerChecks) {
        Map<String, Score> scores = new HashMap<>();
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            Result<?> primary = run.getPrimaryResult();
            double allocated = run.getSecondaryResults().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                    .mapToDouble(entry -> entry.getValue().getScore()).findFirst().orElse(Double.NaN);
            scores.put(method, new Score(primary.getScore(), primary.getScoreError(), allocated));
        }
        Score decode = require(scores, "decodeAndValidateContainerEvent");
        Score parse = require(scores, "parseAndBindContainerEvent");
        String against = "decode + schema validation of a container event";
        List<Figure> figures = new ArrayList<>();
        for (String method : List.of("catalogueOnPrivilegedContainer", "catalogueOnHardenedContainer")) {
            Score score = require(scores, method);
            String container = method.contains("Privileged") ? "privileged container (fails most checks)"
                    : "hardened container (passes them)";
            figures.add(Figure.of(NAME, "full catalogue (" + containerChecks + " container checks + waivers), "
                    + container, score.nanos(), "ns/op").against(against, decode.nanos()).note(score.error()));
            figures.add(Figure.of(NAME, "allocated by the full catalogue, " + container, score.allocated(), "B/op")
                    .against(against, decode.allocated()));
        }
        figures.add(Figure.of(NAME, "decode + schema validation (EventCodec.decode), container event",
                decode.nanos(), "ns/op").against("JSON parse + bind only", parse.nanos()).note(decode.error()));
        figures.add(Figure.of(NAME, "allocated by decode + schema validation", decode.allocated(), "B/op")
                .against("JSON parse + bind only", parse.allocated()));
        Score pipeline = require(scores, "firstSightingOfPrivilegedContainer");
        figures.add(Figure.of(NAME, "CPU path of a new privileged container (decode, assess, open findings, encode"
                + " them)", pipeline.nanos(), "ns/op").against(against, decode.nanos())
                .note("at most " + Numbers.format(1e9 / pipeline.nanos()) + " such events/s per core")
                .note(pipeline.error()));
        figures.add(Figure.of(NAME, "allocated by that path", pipeline.allocated(), "B/op")
                .against(against, decode.allocated()));
        return figures;
    }

    private static Score require(Map<String, Score> scores, String method) {
        Score score = scores.get(method);
        if (score == null) {
            throw new IllegalStateException("JMH produced no result for " + method + " (see jmh/jmh-output.txt)");
        }
        return score;
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A temporary directory; the system cleans it up otherwise.
        }
    }

    /**
     * A JMH score.
     *
     * @param nanos mean time per operation
     * @param errorNanos the 99.9% confidence half-width
     * @param allocated bytes allocated per operation
     */
    record Score(double nanos, double errorNanos, double allocated) {

        String error() {
            return Double.isNaN(errorNanos) ? "" : "± " + Numbers.format(errorNanos) + " ns (99.9%)";
        }
    }
}
