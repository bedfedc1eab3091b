package io.dockwarden.benchmarks;

import io.dockwarden.benchmarks.backup.BackupThroughput;
import io.dockwarden.benchmarks.compliance.ComplianceThroughput;
import io.dockwarden.benchmarks.footprint.FootprintBenchmark;
import io.dockwarden.benchmarks.footprint.Footprints;
import io.dockwarden.benchmarks.jmh.JmhSuite;
import io.dockwarden.benchmarks.latency.DetectionLatency;
import io.dockwarden.benchmarks.notification.NotificationFanOut;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.results.MarkdownTable;
import io.dockwarden.benchmarks.results.Results;
import io.dockwarden.benchmarks.results.RunEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmarks named on the command line, one after another, each against parts of its own, and writes
 * {@code <results>/<timestamp>/results.json} and {@code results.md} after each. The run stops by itself: every wait
 * has a deadline, and the whole run is cut at {@code --max-run}.
 */
public final class BenchmarkCommand {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkCommand.class);
    private static final PrintStream out = System.out;
    private static final Map<String, Supplier<Benchmark>> BENCHMARKS = Map.of(
            "compliance", ComplianceThroughput::new,
            "jmh", JmhSuite::new,
            "latency", DetectionLatency::new,
            "backup", BackupThroughput::new,
            "notification", NotificationFanOut::new,
            "footprint", FootprintBenchmark::new);

    private BenchmarkCommand() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(Options.usage());
            System.exit(2);
            return;
        }
        Path directory = options.resultsRoot().resolve(LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        Results results = new Results(directory, "Dockwarden benchmarks", RunEnvironment.now());
        options.describe().forEach(results::setting);
        BenchContext context = new BenchContext(options, directory, new Footprints());
        Runtime.getRuntime().addShutdownHook(new Thread(context::closeAll, "benchmarks-stop"));
        startWatchdog(options, results);

        for (String name : options.benchmarks()) {
            Benchmark benchmark = BENCHMARKS.get(name).get();
            out.println();
            out.println("== " + name + " (load average " + Math.round(RunEnvironment.now().loadAverage1m() * 100)
                    / 100.0 + ")");
            long started = System.nanoTime();
            try {
                List<Figure> figures = benchmark.run(context);
                results.addAll(figures);
                out.println(MarkdownTable.of(figures));
            } catch (Exception | Error e) {
                log.error("{} failed", name, e);
                String message = String.valueOf(e.getMessage());
                results.failed(name, e.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("")
                        + " (see the log)");
            } finally {
                context.closeAll();
            }
            out.printf("   %s took %d s%n", name, (System.nanoTime() - started) / 1_000_000_000);
            results.write();
        }
        out.println();
        out.println(results.markdown());
        out.println("Results: " + directory.resolve("results.md") + " and results.json");
        System.exit(results.failures().isEmpty() ? 0 : 1);
    }

    /** Cuts the run at --max-run, keeping what was measured (the shutdown hook stops the services). */
    private static void startWatchdog(Options options, Results results) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(options.maxRun().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            out.println("The run exceeded --max-run=" + options.maxRun() + "; stopping.");
            results.failed("run", "stopped after " + options.maxRun() + " (--max-run)");
            results.write();
            System.exit(3);
        }, "benchmarks-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
