package io.dockwarden.testsupport.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A second Docker daemon owned by a test, with its own socket, data, exec root and pid file and no bridge network,
 * so that a test can stop the engine under a service and start it again.
 */
public final class TestDockerd implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private @Nullable Process process;

    private TestDockerd(Path directory) {
        this.directory = directory;
    }

    /** Starts a new daemon under a fresh directory in {@code /tmp} (unix socket paths must stay short). */
    public static TestDockerd start() {
        try {
            TestDockerd daemon = new TestDockerd(Files.createTempDirectory(Path.of("/tmp"), "dwd-"));
            daemon.startAgain();
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String dockerHost() {
        return "unix://" + directory.resolve("docker.sock");
    }

    public DockerEngine engine() {
        return DockerEngine.at(dockerHost());
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the daemon with its existing data and waits until it answers. */
    public synchronized void startAgain() {
        if (isRunning()) {
            return;
        }
        List<String> command = List.of("dockerd",
                "--host", dockerHost(),
                "--data-root", directory.resolve("data").toString(),
                "--exec-root", directory.resolve("exec").toString(),
                "--pidfile", directory.resolve("docker.pid").toString(),
                "--bridge=none", "--iptables=false", "--ip-masq=false");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("dockerd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd (is docker.io installed?)", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dockerd exited; see " + directory.resolve("dockerd.log"));
            }
            if (Files.exists(directory.resolve("docker.sock")) && engine().reachable()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("dockerd did not answer within " + START_TIMEOUT);
    }

    /** Stops the daemon (SIGTERM, as a restart does); containers stop with it. */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(60, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try {
            // The data root holds overlay mounts of containers that may still be mounted; leave removal to /tmp
            // cleaning rather than fail a test on it.
            new ProcessBuilder("rm", "-rf", directory.toString()).start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
