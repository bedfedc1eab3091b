package io.dockwarden.benchmarks.stack;

import io.dockwarden.events.Topics;
import io.dockwarden.localstack.S3Endpoint;
import io.dockwarden.localstack.ServiceProcess;
import io.dockwarden.localstack.StackLayout;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.s3.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real parts one benchmark or drill runs against: a broker of its own (so that no backlog or committed offset of
 * an earlier benchmark leaks in), an S3 server of its own, the machine's Docker engine, and the services as child JVMs
 * started from their modules' jars exactly as the local stack starts them. Closing it stops everything, keeps the
 * services' logs and deletes the data.
 */
public final class BenchStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchStack.class);
    /** A service's heap as in the compose deployment (70% of a 512 MiB container), and a crash rather than a limp. */
    public static final List<String> SERVICE_JVM = List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");
    public static final List<String> MODULES = List.of(StackServices.INVENTORY, StackServices.COMPLIANCE,
            StackServices.BACKUP, StackServices.NOTIFICATION);
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration JAR_WAIT = Duration.ofMinutes(3);

    private final Path home;
    private final Path work;
    private final Path logsOut;
    private final List<RunningService> started = new ArrayList<>();
    private @Nullable KafkaBroker broker;
    private @Nullable S3Server s3;
    private @Nullable Path backupKeyFile;

    private BenchStack(Path home, Path work, Path logsOut) {
        this.home = home;
        this.work = work;
        this.logsOut = logsOut;
    }

    /**
     * A stack for one benchmark.
     *
     * @param home the checkout, whose {@code <module>/target/<module>.jar} are the services
     * @param logsOut where the services' logs are kept when the stack closes
     */
    public static BenchStack create(Path home, Path logsOut) {
        try {
            Path work = Files.createTempDirectory("dockwarden-bench-");
            BenchStack stack = new BenchStack(home.toAbsolutePath().normalize(), work, logsOut);
            stack.copyServiceJars();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The services are started through a layout rooted in the work directory, holding copies of the checkout's jars:
     * a rebuild during the run cannot pull a jar from under a running service, and the logs land beside this run's
     * data rather than in the checkout's local-stack directory.
     */
    private void copyServiceJars() throws IOException {
        for (String module : MODULES) {
            Path jar = StackLayout.at(home).serviceJar(module);
            if (Files.isRegularFile(jar)) {
                Path copy = StackLayout.at(work).serviceJar(module);
                Files.createDirectories(copy.getParent());
                copyWhole(jar, copy);
            }
        }
    }

    /** Copies a jar, waiting out a build that is writing it at that moment (a partial jar does not open). */
    private static void copyWhole(Path jar, Path copy) throws IOException {
        long deadline = System.nanoTime() + JAR_WAIT.toNanos();
        while (true) {
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            try (JarFile opened = new JarFile(copy.toFile())) {
                if (opened.getManifest() != null && opened.getManifest().getMainAttributes()
                        .getValue("Main-Class") != null) {
                    return;
                }
            } catch (ZipException partial) {
                log.debug("{} is being written: {}", jar, partial.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(jar + " is not a complete executable jar (is a build writing it?)");
            }
            sleep(5_000);
        }
    }

    /** Fails early, with the command that fixes it, when a service jar is missing. */
    public void requireJars(String... modules) {
        for (String module : modules) {
            Path jar = StackLayout.at(home).serviceJar(module);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -B -DskipTests "
                        + "install)");
            }
        }
    }

    public Path home() {
        return home;
    }

    public Path work() {
        return work;
    }

    /** The broker of this stack, started on first use with every topic of the contract. */
    public synchronized KafkaBroker kafka() {
        if (broker == null) {
            KafkaBroker started = dedicatedBroker();
            started.createTopics(Topics.ALL.stream().filter(topic -> !Topics.isCompacted(topic))
                    .toArray(String[]::new));
            Topics.COMPACTED.forEach(topic -> started.createCompactedTopic(topic, 3));
            broker = started;
        }
        return broker;
    }

    /**
     * A broker of this stack's own. Formatting its storage fails now and then (a random cluster id that starts with
     * a dash reads as an option to the storage tool), so a failed start is tried again with a new id.
     */
    private static KafkaBroker dedicatedBroker() {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return KafkaBroker.dedicated();
            } catch (IllegalStateException e) {
                log.warn("Starting a broker failed (attempt {}): {}", attempt, e.getMessage().lines().findFirst()
                        .orElse(""));
                last = e;
            }
        }
        throw last;
    }

    /** The S3 server of this stack, started on first use. */
    public synchronized S3Server s3() {
        if (s3 == null) {
            s3 = S3Server.dedicated();
        }
        return s3;
    }

    public DockerEngine engine() {
        DockerEngine engine = DockerEngine.local();
        if (!engine.reachable()) {
            throw new IllegalStateException("no Docker engine answers at " + engine.dockerHost());
        }
        return engine;
    }

    /** The services, configured as the local stack configures them, plus extra variables per service. */
    public StackServices services(Map<String, Map<String, String>> extraEnvironment) {
        return services(DockerEngine.defaultHost(), extraEnvironment);
    }

    /** The services against another engine, such as a test-owned daemon. */
    public StackServices services(String dockerHost, Map<String, Map<String, String>> extraEnvironment) {
        S3Server server = s3();
        DockerEngine engine = DockerEngine.at(dockerHost);
        // Only the backup service uses the helper image; services that never touch the engine start without one.
        String helperImage = engine.reachable() ? engine.ensureTestImage() : DockerEngine.TEST_IMAGE;
        return new StackServices(StackLayout.at(work), kafka().bootstrapServers(),
                new S3Endpoint(server.endpoint(), server.accessKey(), server.secretKey()), dockerHost,
                backupKeyFile(), helperImage, extraEnvironment);
    }

    private synchronized Path backupKeyFile() {
        if (backupKeyFile == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path file = work.resolve("backup-encryption.key");
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backupKeyFile = file;
        }
        return backupKeyFile;
    }

    public RunningService start(ServiceProcess process) {
        return start(process, SERVICE_JVM);
    }

    /** Starts a service and waits until it is healthy, measuring how long that took and its memory then. */
    public RunningService start(ServiceProcess process, List<String> jvmOptions) {
        long begin = System.nanoTime();
        process.start(jvmOptions);
        long deadline = begin + HEALTHY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited while starting; see " + tail(process));
            }
            if ("UP".equals(new Actuator(process.port()).healthStatus(""))) {
                long millis = (System.nanoTime() - begin) / 1_000_000;
                double rss = ProcessMemory.rssKib(process.pid()).orElse(0) / 1024.0;
                RunningService running = new RunningService(process, millis, rss);
                synchronized (this) {
                    started.add(running);
                }
                log.info("{} healthy after {} ms, {} MiB resident", process.name(), millis, Math.round(rss));
                return running;
            }
            sleep(100);
        }
        process.stop();
        throw new IllegalStateException(process.name() + " was not healthy within " + HEALTHY_TIMEOUT + "; see "
                + tail(process));
    }

    /** Stops a service gracefully. */
    public void stop(RunningService service) {
        service.process().stop();
    }

    private static String tail(ServiceProcess process) {
        try {
            List<String> lines = Files.readAllLines(process.log());
            return process.log() + ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25),
                    lines.size()));
        } catch (IOException e) {
            return process.log().toString();
        }
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).process().stop();
        }
        keepLogs();
        if (s3 != null) {
            s3.close();
            delete(s3.dataDirectory());
            s3 = null;
        }
        if (broker != null) {
            broker.close();
            delete(broker.directory());
            broker = null;
        }
        delete(work);
    }

    private void keepLogs() {
        Path logs = StackLayout.at(work).logs();
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(logsOut);
            for (Path file : files.toList()) {
                Files.copy(file, logsOut.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Could not keep the service logs of {}: {}", logs, e.getMessage());
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
