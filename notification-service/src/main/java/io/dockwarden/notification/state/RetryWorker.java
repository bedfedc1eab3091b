package io.dockwarden.notification.state;

import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.DeliveryService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs parked deliveries when they are due. The instances of the service share the retry topic's partitions through a
 * consumer group; an instance that gets a partition reads it from the beginning (it is compacted, so that is the set
 * of deliveries still pending) and schedules each at its due time. A delivery parked before a crash is therefore
 * attempted by whichever instance owns its partition next, with the same id and attempt count.
 */
public final class RetryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetryWorker.class);
    /** How soon a delivery whose attempt could not even be recorded (the broker is down) is tried again. */
    private static final Duration UNRECORDED_RETRY = Duration.ofSeconds(15);

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final DeliveryService deliveries;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private @Nullable KafkaConsumer<String, byte[]> consumer;
    private @Nullable Thread poller;
    private volatile boolean running;

    /** A parked delivery, the partition it is on, and its timer. */
    private record Pending(Delivery delivery, TopicPartition partition, @Nullable ScheduledFuture<?> timer) {
    }

    public RetryWorker(String topic, String groupId, Map<String, Object> kafkaConsumerConfig,
            DeliveryService deliveries, Clock clock) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(kafkaConsumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // An instance that crashed hands its pending deliveries over after this long, not the default 45 s.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        this.consumerConfig = config;
        this.deliveries = deliveries;
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retry-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig);
        consumer = kafka;
        kafka.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                forget(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Compacted: from the beginning, it holds exactly the deliveries still pending.
                kafka.seekToBeginning(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                forget(partitions);
            }
        });
        Thread thread = new Thread(() -> poll(kafka), "retry-worker");
        thread.setDaemon(true);
        thread.start();
        poller = thread;
    }

    private void poll(KafkaConsumer<String, byte[]> kafka) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    if (record.key() != null) {
                        apply(record.key(), record.value(), new TopicPartition(record.topic(), record.partition()));
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poller up.
        } catch (RuntimeException e) {
            log.error("The retry worker stopped: {}", e.toString());
        } finally {
            kafka.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void apply(String id, byte @Nullable [] value, TopicPartition partition) {
        Pending previous = pending.remove(id);
        if (previous != null && previous.timer() != null) {
            previous.timer().cancel(false);
        }
        if (value == null) {
            return;
        }
        Delivery delivery;
        try {
            delivery = StateJson.read(value, Delivery.class);
        } catch (RuntimeException e) {
            log.error("Skipping unreadable parked delivery {}: {}", id, e.toString());
            return;
        }
        schedule(delivery, partition, Duration.between(clock.instant(), delivery.dueAt()));
    }

    private void schedule(Delivery delivery, TopicPartition partition, Duration delay) {
        if (!running) {
            return;
        }
        if (inFlight.contains(delivery.id())) {
            // The attempt running now records its outcome; this record is scheduled when it ends.
            pending.put(delivery.id(), new Pending(delivery, partition, null));
            return;
        }
        long millis = Math.max(0, delay.toMillis());
        ScheduledFuture<?> timer = timers.schedule(() -> due(delivery.id()), millis, TimeUnit.MILLISECONDS);
        pending.put(delivery.id(), new Pending(delivery, partition, timer));
    }

    private void due(String id) {
        Pending due;
        synchronized (this) {
            due = pending.get(id);
            if (due == null || !running || !inFlight.add(id)) {
                return;
            }
        }
        Delivery delivery = due.delivery();
        deliveries.retry(delivery).whenComplete((ignored, failure) -> attemptEnded(delivery, due.partition(),
                failure));
    }

    private synchronized void attemptEnded(Delivery attempted, TopicPartition partition,
            @Nullable Throwable failure) {
        inFlight.remove(attempted.id());
        Pending current = pending.get(attempted.id());
        if (failure != null) {
            // Nothing was recorded; the parked record still stands, so try it again a little later.
            log.warn("Attempt of parked delivery {} could not be recorded, trying again in {}: {}", attempted.id(),
                    UNRECORDED_RETRY, failure.toString());
            if (current != null && current.delivery() == attempted) {
                schedule(attempted, partition, UNRECORDED_RETRY);
            }
            return;
        }
        if (current != null && current.delivery() != attempted) {
            // A newer record (the next due time) arrived while the attempt ran.
            schedule(current.delivery(), current.partition(), Duration.between(clock.instant(),
                    current.delivery().dueAt()));
        } else if (current != null) {
            // The outcome's record (tombstone or next due time) will replace it when read.
            pending.put(attempted.id(), new Pending(attempted, partition, null));
        }
    }

    private synchronized void forget(Collection<TopicPartition> partitions) {
        Set<TopicPartition> revoked = new HashSet<>(partitions);
        for (Map.Entry<String, Pending> entry : new ArrayList<>(pending.entrySet())) {
            if (revoked.contains(entry.getValue().partition())) {
                if (entry.getValue().timer() != null) {
                    entry.getValue().timer().cancel(false);
                }
                pending.remove(entry.getKey());
            }
        }
    }

    /** Deliveries waiting on this instance. */
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public synchronized void close() {
        running = false;
        timers.shutdownNow();
        if (consumer != null) {
            consumer.wakeup();
        }
        if (poller != null) {
            try {
                poller.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
