package io.dockwarden.compliance.findings.kafka;

import io.dockwarden.compliance.ComplianceProperties;
import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.compliance.findings.SubjectStates;
import io.dockwarden.compliance.reports.ChainAnchor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.JacksonException;

/**
 * Subject states kept on a compacted topic and mirrored in memory. Every instance reads the whole topic (so that
 * reports and the REST API see the fleet), writes the subjects whose input partitions it owns, and before it
 * consumes (at start and at every partition assignment) waits until it has read the topic to its end: a partition
 * moving between instances never loses a write, so nothing is opened twice. Writes carry a revision; an older
 * revision read late never replaces a newer one.
 */
public final class KafkaSubjectStates implements SubjectStates, ChainAnchor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaSubjectStates.class);
    /** Holds a space, which no host or container id may: it cannot collide with a subject key. */
    static final String CHAIN_HEAD_KEY = "dockwarden report-chain head";
    static final int PHASE = 0;

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> adminConfig;
    private final KafkaTemplate<String, byte[]> template;
    private final ComplianceProperties.State settings;
    private final Duration sendTimeout;
    private final ConcurrentHashMap<String, SubjectState> states = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Long> positions = new ConcurrentHashMap<>();
    private final List<BiConsumer<@Nullable SubjectState, SubjectState>> listeners = new CopyOnWriteArrayList<>();
    private volatile @Nullable ChainHead chainHead;
    private volatile boolean running;
    private volatile boolean ready;
    private @Nullable Admin admin;
    private @Nullable KafkaConsumer<String, byte[]> consumer;
    private @Nullable Thread reader;

    public KafkaSubjectStates(Map<String, Object> consumerConfig, Map<String, Object> adminConfig,
            KafkaTemplate<String, byte[]> template, ComplianceProperties.State settings, Duration sendTimeout) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.adminConfig = new HashMap<>(adminConfig);
        this.template = template;
        this.settings = settings;
        this.sendTimeout = sendTimeout;
    }

    /** Called after every state change applied, local or read from the topic, with the state it replaced. */
    public void onChange(BiConsumer<@Nullable SubjectState, SubjectState> listener) {
        listeners.add(listener);
    }

    @Override
    public @Nullable SubjectState get(String key) {
        return states.get(key);
    }

    @Override
    public Collection<SubjectState> all() {
        return new ArrayList<>(states.values());
    }

    public int size() {
        return states.size();
    }

    public boolean ready() {
        return ready;
    }

    public String topic() {
        return settings.topic();
    }

    @Override
    public void save(SubjectState state) {
        send(state.key(), StateJson.MAPPER.writeValueAsBytes(state));
        apply(state);
    }

    /** Sends every state, waits once for all acknowledgements, then applies them in order. */
    @Override
    public void saveAll(Collection<SubjectState> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (SubjectState state : batch) {
            sends.add(template.send(new ProducerRecord<>(settings.topic(), state.key(),
                    StateJson.MAPPER.writeValueAsBytes(state))));
        }
        await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)), batch.size() + " subjects");
        batch.forEach(this::apply);
    }

    @Override
    public void delete(String key) {
        send(key, null);
        states.remove(key);
    }

    @Override
    public Optional<ChainHead> head() {
        return Optional.ofNullable(chainHead);
    }

    @Override
    public void record(ChainHead head) {
        send(CHAIN_HEAD_KEY, StateJson.MAPPER.writeValueAsBytes(head));
        chainHead = head;
    }

    private void send(String key, byte @Nullable [] value) {
        await(template.send(new ProducerRecord<>(settings.topic(), key, value)), key);
    }

    private void await(CompletableFuture<?> send, String key) {
        try {
            send.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateWriteFailedException(key, e);
        } catch (ExecutionException e) {
            throw new StateWriteFailedException(key, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new StateWriteFailedException(key, e);
        }
    }

    private void apply(SubjectState incoming) {
        SubjectState[] replaced = new SubjectState[1];
        boolean[] changed = new boolean[1];
        states.compute(incoming.key(), (key, current) -> {
            if (current != null && current.revision() >= incoming.revision()) {
                return current;
            }
            replaced[0] = current;
            changed[0] = true;
            return incoming;
        });
        if (changed[0]) {
            for (BiConsumer<@Nullable SubjectState, SubjectState> listener : listeners) {
                try {
                    listener.accept(replaced[0], incoming);
                } catch (RuntimeException e) {
                    log.warn("A state listener failed for {}", incoming.key(), e);
                }
            }
        }
    }

    private void applyRecord(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            return;
        }
        if (CHAIN_HEAD_KEY.equals(key)) {
            chainHead = record.value() == null ? null : readHead(record.value());
            return;
        }
        if (record.value() == null) {
            // Only removed containers are ever deleted; anything else under this key is newer than the deletion.
            states.computeIfPresent(key, (k, current) -> current.isRemoved() ? null : current);
            return;
        }
        try {
            apply(StateJson.MAPPER.readValue(record.value(), SubjectState.class));
        } catch (JacksonException e) {
            log.error("Skipping unreadable state of {} at {}-{}@{}: {}", key, record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
        }
    }

    private static @Nullable ChainHead readHead(byte[] value) {
        try {
            return StateJson.MAPPER.readValue(value, ChainHead.class);
        } catch (JacksonException e) {
            log.error("Skipping unreadable report chain head: {}", e.getOriginalMessage());
            return null;
        }
    }

    @Override
    public void start() {
        admin = Admin.create(adminConfig);
        ensureTopic();
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "compliance-state-reader-" + ProcessHandle.current().pid());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        created.partitionsFor(settings.topic(), Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        created.assign(partitions);
        created.seekToBeginning(partitions);
        consumer = created;
        running = true;
        Thread thread = new Thread(() -> read(created, partitions), "compliance-state-reader");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
        long started = System.nanoTime();
        awaitCaughtUp(settings.catchUpTimeout());
        ready = true;
        log.info("Finding state rebuilt from {}: {} subjects in {} ms", settings.topic(), states.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    applyRecord(record);
                }
                for (TopicPartition partition : partitions) {
                    positions.put(partition.partition(), consumer.position(partition));
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the reader up.
        } catch (RuntimeException e) {
            log.error("The finding state reader stopped; this instance no longer sees other instances' writes", e);
            ready = false;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /**
     * Waits until everything written to the state topic so far has been read: called before consuming, so that a
     * subject's state is the one its previous owner left.
     */
    public void awaitCaughtUp(Duration timeout) {
        Admin client = admin;
        if (client == null) {
            throw new IllegalStateException("the state store is not started");
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        try {
            TopicDescription description = client.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(settings.topic());
            description.partitions().forEach(partition -> request.put(
                    new TopicPartition(settings.topic(), partition.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(request).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                while (positions.getOrDefault(end.getKey().partition(), -1L) < end.getValue().offset()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the finding state topic " + settings.topic()
                                + " was not read to its end within " + timeout + " (partition "
                                + end.getKey().partition() + " at " + positions.get(end.getKey().partition())
                                + " of " + end.getValue().offset() + ")");
                    }
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the finding state", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot find the end of the finding state topic " + settings.topic(), e);
        }
    }

    private void ensureTopic() {
        NewTopic topic = new NewTopic(settings.topic(), Optional.of(settings.partitions()),
                settings.replicationFactor() < 0 ? Optional.empty() : Optional.of(settings.replicationFactor()))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            log.info("Created the compacted finding state topic {}", settings.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the finding state topic " + settings.topic(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create the finding state topic " + settings.topic(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
        ready = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Offsets read so far per partition, for health. */
    public Map<Integer, Long> positions() {
        return Map.copyOf(positions);
    }

    /** A state write the broker did not acknowledge; the input is retried. */
    public static final class StateWriteFailedException extends RuntimeException {

        StateWriteFailedException(String key, Throwable cause) {
            super("writing the state of " + key + " failed: " + cause.getMessage(), cause);
        }
    }
}
