package io.dockwarden.benchmarks.backup;

import io.dockwarden.benchmarks.stack.MemorySampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A tool run as a child process, timed, with its resident set sampled and its output kept in a log file. */
final class ExternalCommand {

    private ExternalCommand() {
    }

    /** Whether a program is on the PATH. */
    static boolean available(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a command to its end.
     *
     * @throws IllegalStateException when it fails or overruns, with the tail of its output
     */
    static Ran run(List<String> command, Map<String, String> environment, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            try (MemorySampler memory = MemorySampler.of(process.pid(), 100)) {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException(command.get(0) + " did not finish within " + timeout + "; see "
                            + log);
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                            + " exited with " + process.exitValue() + ": " + tail(log));
                }
                return new Ran(millis, Math.max(memory.maxRssMiB(), memory.peakRssMiB()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "see " + log;
        }
    }

    /**
     * A finished run.
     *
     * @param millis wall-clock time
     * @param peakRssMiB the largest resident set of the process itself seen (not of its children)
     */
    record Ran(long millis, double peakRssMiB) {
    }
}
