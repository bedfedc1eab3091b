package io.dockwarden.testsupport.kafka;

import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode, run as a child JVM on loopback ports, so that a test can stop it and
 * start it again on the same ports with the same data (a broker outage), which an in-JVM broker cannot do.
 *
 * <p>{@link #shared()} is started once per test JVM and stopped when the JVM exits.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** Large enough that oversized-record tests reach the consumers, which must reject them themselves. */
    public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private static @Nullable KafkaBroker shared;

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private @Nullable Process process;
    private @Nullable KafkaProducer<String, byte[]> producer;

    private KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** The broker shared by every test of this JVM. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            KafkaBroker broker = dedicated();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
            shared = broker;
        }
        return shared;
    }

    /** A broker of its own, for tests that stop and restart it; the caller closes it. */
    public static KafkaBroker dedicated() {
        try {
            KafkaBroker broker = new KafkaBroker(Files.createTempDirectory("dockwarden-kafka-"), FreePorts.next(),
                    FreePorts.next());
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker whose data lives in a directory of the caller's and survives restarts of the caller (the local stack):
     * formatted on first use, started with its existing data afterwards.
     */
    public static KafkaBroker persistent(Path directory, int port, int controllerPort) {
        try {
            Files.createDirectories(directory);
            KafkaBroker broker = new KafkaBroker(directory.toAbsolutePath(), port, controllerPort);
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                broker.format();
            } else {
                broker.writeConfiguration();
            }
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) on its ports with its data, and waits until it serves requests. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        process = launch(List.of("kafka.Kafka", directory.resolve("server.properties").toString()), "broker.log");
        awaitReady();
        log.info("Kafka broker (KRaft) ready at {} in {}", bootstrapServers(), directory);
    }

    /** Stops the broker as a crash would (SIGKILL); clients see the outage, data already acknowledged stays. */
    public synchronized void kill() {
        stopProcess(true);
    }

    /** Stops the broker cleanly. */
    public synchronized void stop() {
        stopProcess(false);
    }

    private void stopProcess(boolean forcibly) {
        Process running = process;
        if (running == null) {
            return;
        }
        if (forcibly) {
            running.destroyForcibly();
        } else {
            running.destroy();
        }
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public void createTopics(String... names) {
        createTopics(3, names);
    }

    /** Creates topics that do not exist yet. */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) 1));
        }
        create(topics);
    }

    public void createCompactedTopic(String name, int partitions) {
        create(List.of(new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    private void create(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e);
                    }
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    public Set<String> topics() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics", e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Reads what arrives on the topics from now on, with keys and headers. */
    public TopicProbe probe(String... topics) {
        return new TopicProbe(bootstrapServers(), List.of(topics), false);
    }

    /** Reads the topics from their beginning. */
    public TopicProbe probeFromBeginning(String... topics) {
        return new TopicProbe(bootstrapServers(), List.of(topics), true);
    }

    /** Sends an encoded event as a producer of the contract would, and waits for the acknowledgement. */
    public void send(EncodedEvent event) {
        Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
        event.headers().forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        sendRaw(event.topic(), event.key(), headers, event.value());
    }

    /** Sends any bytes with any headers, for tests of what consumers do with bad input. */
    public synchronized void sendRaw(String topic, @Nullable String key, Map<String, byte[]> headers,
            byte @Nullable [] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, bytes) -> record.headers().add(new RecordHeader(name, bytes)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_MESSAGE_BYTES);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        stop();
    }

    private void format() throws IOException {
        writeConfiguration();
        Process formatter = launch(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                directory.resolve("server.properties").toString()), "format.log");
        try {
            // A loaded machine can take a while to start a JVM with Kafka's class path.
            if (!formatter.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage took longer than " + START_TIMEOUT + ": "
                        + Files.readString(directory.resolve("format.log")));
            }
            if (formatter.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed (exit " + formatter.exitValue()
                        + "): " + Files.readString(directory.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private void writeConfiguration() throws IOException {
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=" + MAX_MESSAGE_BYTES,
                "replica.fetch.max.bytes=" + MAX_MESSAGE_BYTES,
                "log.cleaner.backoff.ms=1000",
                "");
        Files.writeString(directory.resolve("server.properties"), properties);
        Files.writeString(directory.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="kafka" level="INFO"/>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
    }

    private static String clusterId() {
        // A KRaft cluster id is a base64url-encoded UUID of 22 characters. One that starts with '-' would be read
        // by the storage tool as an option, so draw again.
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private Process launch(List<String> mainAndArgs, String logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlogback.configurationFile=" + directory.resolve("logback.xml"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArgs);
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(logFile).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainAndArgs.get(0), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        if (!FreePorts.awaitListening(port, START_TIMEOUT)) {
            throw new IllegalStateException("Kafka broker did not open port " + port + "; see "
                    + directory.resolve("broker.log"));
        }
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + directory.resolve("broker.log"));
            }
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException notYet) {
                // The controller may still be electing itself.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("Kafka broker not ready within " + START_TIMEOUT);
    }
}
