package io.dockwarden.stream;

import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.RejectedEventException;
import io.dockwarden.events.codec.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries and dead-lettering in the listener container rather than in the binding: a record the codec rejected goes
 * to {@code <topic>.dlq} at once; a record whose processing failed (an outage) is retried with exponential backoff
 * without blocking the partition's consumer beyond the poll interval, then dead-lettered. Either way the dead letter
 * carries {@code dockwarden-rejection-reason} and {@code dockwarden-rejection-detail} besides Spring's own exception
 * headers, the offset is committed only after it is published, and consumption goes on.
 */
class DeadLetterPublishing implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublishing.class);
    static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    private final KafkaTemplate<byte[], byte[]> template;
    private final KafkaAdmin admin;
    private final StreamProperties.Retry retry;

    DeadLetterPublishing(KafkaTemplate<byte[], byte[]> template, KafkaAdmin admin, StreamProperties.Retry retry) {
        this.template = template;
        this.admin = admin;
        this.retry = retry;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff, @Nullable ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        configure(container, destinationName, group, properties != null && properties.isBatchMode());
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        configure(container, destinationName, group, false);
    }

    /**
     * A record listener commits each record's offset once it is processed. A batch listener commits the poll's
     * offsets once the batch returns; to dead-letter one record it throws a {@code BatchListenerFailedException}
     * naming it, after making the records before it durable: those are committed, the named one is retried or
     * dead-lettered like a record listener's, and the rest are consumed again.
     */
    private void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            boolean batch) {
        createDeadLetterTopics(destinationName);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        recoverer.setHeadersFunction(DeadLetterPublishing::reasonHeaders);
        recoverer.setFailIfSendResultIsError(true);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, exception) -> {
            Rejection rejection = rejectionOf(exception);
            log.error("Dead-lettering {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), Topics.deadLetterOf(record.topic()),
                    rejection == null ? describe(exception) : rejection);
            recoverer.accept(record, exception);
        }, backOff());
        errorHandler.addNotRetryableExceptions(RejectedEventException.class);
        errorHandler.setCommitRecovered(true);
        container.setCommonErrorHandler(errorHandler);
        container.getContainerProperties().setAckMode(batch ? ContainerProperties.AckMode.BATCH
                : ContainerProperties.AckMode.RECORD);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    private BackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxAttempts() - 1);
        return backOff;
    }

    private void createDeadLetterTopics(String destinationName) {
        // A binding may consume several topics, comma-separated.
        for (String topic : destinationName.split(",")) {
            try {
                admin.createOrModifyTopics(new NewTopic(Topics.deadLetterOf(topic.strip()), Optional.empty(),
                        Optional.empty()));
            } catch (RuntimeException e) {
                // The broker may create it on first publish; the recoverer then reports a real failure.
                log.warn("Could not create dead-letter topic for {}: {}", topic, e.getMessage());
            }
        }
    }

    static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception exception) {
        Rejection rejection = rejectionOf(exception);
        String reason = rejection == null ? PROCESSING_FAILED : rejection.reason().name();
        String detail = rejection == null ? describe(exception) : rejection.detail();
        return new RecordHeaders(List.of(
                new RecordHeader(Rejection.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(Rejection.DETAIL_HEADER, detail.getBytes(StandardCharsets.UTF_8))));
    }

    private static @Nullable Rejection rejectionOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedEventException rejected) {
                return rejected.rejection();
            }
        }
        return null;
    }

    private static String describe(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
