package io.dockwarden.benchmarks.footprint;

import io.dockwarden.benchmarks.BenchContext;
import io.dockwarden.benchmarks.Benchmark;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.ProcessMemory;
import io.dockwarden.localstack.ServiceProcess;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Footprint: each service's start time to healthy and its resident set after start and under load. Starts and loads
 * come from the other benchmarks of the run where they ran (each started its services idle against a fresh broker
 * before loading them); a service no benchmark started is started idle here. The baseline is a JVM with the same
 * options that only answers its health endpoint.
 */
public final class FootprintBenchmark implements Benchmark {

    static final String NAME = "footprint";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        Footprints footprints = context.footprints();
        try (BenchStack stack = context.newStack(name())) {
            for (String module : BenchStack.MODULES) {
                if (footprints.of(module).isEmpty()) {
                    StackServices services = stack.services(Map.of());
                    IntFunction<ServiceProcess> process = switch (module) {
                        case StackServices.INVENTORY -> services::inventory;
                        case StackServices.COMPLIANCE -> services::compliance;
                        case StackServices.BACKUP -> services::backup;
                        default -> services::notification;
                    };
                    stack.requireJars(module);
                    footprints.started(stack.start(process.apply(FreePorts.next())));
                }
            }
        }
        Baseline baseline = baseline(context.resultsDirectory().resolve("logs").resolve(name()));
        List<Figure> figures = new ArrayList<>();
        for (String module : BenchStack.MODULES) {
            Footprints.Footprint footprint = footprints.of(module).orElseThrow();
            figures.add(Figure.of(NAME, module + ": start to healthy", footprint.startMillis(), "ms")
                    .against("JVM answering health only", baseline.startMillis()));
            figures.add(Figure.of(NAME, module + ": RSS after start", footprint.rssAfterStartMiB(), "MiB")
                    .against("JVM answering health only", baseline.rssMiB()));
            if (footprint.rssUnderLoadMiB() > 0) {
                figures.add(Figure.of(NAME, module + ": RSS under load (peak)", footprint.rssUnderLoadMiB(), "MiB")
                        .against("JVM answering health only", baseline.rssMiB())
                        .note(footprint.load() + "; peak heap in use " + Math.round(footprint.heapUnderLoadMiB())
                                + " MiB"));
            }
        }
        return figures;
    }

    /** Starts the health-only JVM as the services are started (same JVM options) and measures it. */
    static Baseline baseline(Path logs) {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BenchStack.SERVICE_JVM);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HealthBaselineServer.class.getName());
        command.add(Integer.toString(port));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        Process process;
        try {
            java.nio.file.Files.createDirectories(logs);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("health-baseline.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the baseline JVM", e);
        }
        try {
            long deadline = started + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.body().contains("\"UP\"")) {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        return new Baseline(millis, ProcessMemory.rssKib(process.pid()).orElse(0) / 1024.0);
                    }
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            throw new IllegalStateException("the baseline JVM did not answer within " + START_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The baseline JVM's cost.
     *
     * @param startMillis from launch to its first UP
     * @param rssMiB resident set then
     */
    record Baseline(long startMillis, double rssMiB) {
    }
}
