package io.dockwarden.compliance.findings.kafka;

import io.dockwarden.compliance.findings.FindingProcessor;
import io.dockwarden.compliance.findings.IdentifiedEvent;
import io.dockwarden.compliance.findings.ProcessingResult;
import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.Envelope;
import io.dockwarden.events.container.ContainerEvent;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.stream.InboundEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * The stream functions: container events and engine events in, finding events out (through the processor). Decoding
 * failures throw {@code RejectedEventException}, which dead-letters the record; processing failures throw and are
 * retried; nothing is swallowed.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceStreams {

    private static final Logger log = LoggerFactory.getLogger(ComplianceStreams.class);

    /**
     * Container events arrive in batches (one poll's worth): every event is evaluated and its finding events sent,
     * then the batch waits once for all of them and once for the state records, and only then are the offsets
     * committed. A record that cannot be decoded, or whose processing fails, ends the batch there: the records before
     * it are made durable first, then {@link BatchListenerFailedException} names it, so that the container commits
     * those, dead-letters or retries that one, and consumes the rest again.
     */
    @Bean
    Consumer<Message<List<byte[]>>> containerEvents(InboundEvents inbound, FindingProcessor processor,
            MeterRegistry registry) {
        StreamMetrics metrics = new StreamMetrics(registry, "container");
        return batchMessage -> {
            List<Message<?>> records = InboundEvents.split(batchMessage);
            FindingProcessor.Batch batch = processor.batch();
            List<ProcessingResult> results = new ArrayList<>(records.size());
            Timer.Sample sample = Timer.start(registry);
            int failedAt = -1;
            RuntimeException failure = null;
            try {
                for (int index = 0; index < records.size(); index++) {
                    failedAt = index;
                    Envelope<? extends EventData> envelope = inbound.decode(records.get(index));
                    if (envelope.data() instanceof ContainerEvent event) {
                        results.add(batch.onContainerEvent(envelope.id(), envelope.time(), event));
                    } else {
                        log.warn("Ignoring {} on the container events topic", envelope.type().type());
                    }
                }
                failedAt = -1;
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                batch.commit();
            } catch (RuntimeException e) {
                // Nothing of this batch is known durable: the first record is retried and the rest consumed again.
                throw new BatchListenerFailedException("committing " + batch.size() + " subject(s) failed: "
                        + e.getMessage(), e, 0);
            }
            long perEvent = records.isEmpty() ? 0 : sample.stop(metrics.batches) / records.size();
            for (ProcessingResult result : results) {
                metrics.processing.record(perEvent, TimeUnit.NANOSECONDS);
                metrics.record(result);
            }
            if (failure != null) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, failedAt);
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> hostEvents(InboundEvents inbound, FindingProcessor processor, MeterRegistry registry) {
        StreamMetrics metrics = new StreamMetrics(registry, "host");
        return message -> {
            Envelope<? extends EventData> envelope = inbound.decode(message);
            if (envelope.data() instanceof HostObserved event) {
                Timer.Sample sample = Timer.start(registry);
                ProcessingResult result = processor.onHostObserved(envelope.id(), envelope.time(), event);
                sample.stop(metrics.processing);
                metrics.record(result);
            } else {
                log.warn("Ignoring {} on the host events topic", envelope.type().type());
            }
        };
    }

    /** Counts inputs by what happened to them and finding events by kind and severity. */
    private static final class StreamMetrics {

        private final MeterRegistry registry;
        private final Timer processing;
        private final Timer batches;
        private final java.util.Map<ProcessingResult.Disposition, Counter> dispositions =
                new java.util.EnumMap<>(ProcessingResult.Disposition.class);

        StreamMetrics(MeterRegistry registry, String subject) {
            this.registry = registry;
            this.processing = Timer.builder("dockwarden.compliance.evaluation").tag("subject", subject)
                    .description("Time to evaluate one event and publish what changed (for a batch, its share)")
                    .register(registry);
            this.batches = Timer.builder("dockwarden.compliance.batches").tag("subject", subject)
                    .description("Time to evaluate a batch of events and make what changed durable")
                    .register(registry);
            for (ProcessingResult.Disposition disposition : ProcessingResult.Disposition.values()) {
                dispositions.put(disposition, Counter.builder("dockwarden.compliance.events").tag("subject", subject)
                        .tag("disposition", disposition.name().toLowerCase(java.util.Locale.ROOT))
                        .description("Input events by what happened to them").register(registry));
            }
        }

        void record(ProcessingResult result) {
            dispositions.get(result.disposition()).increment();
            for (IdentifiedEvent event : result.events()) {
                String kind = event.data().getClass().getSimpleName().replace("Finding", "").toLowerCase(
                        java.util.Locale.ROOT);
                Counter.builder("dockwarden.compliance.findings").tag("transition", kind)
                        .tag("check", event.data().checkId())
                        .description("Finding events published").register(registry).increment();
            }
        }
    }
}
