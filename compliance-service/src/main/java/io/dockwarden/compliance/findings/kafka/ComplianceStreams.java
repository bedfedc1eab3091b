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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The stream functions: container events and engine events in, finding events out (through the processor). Decoding
 * failures throw {@code RejectedEventException}, which dead-letters the record; processing failures throw and are
 * retried; nothing is swallowed.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceStreams {

    private static final Logger log = LoggerFactory.getLogger(ComplianceStreams.class);

    @Bean
    Consumer<Message<byte[]>> containerEvents(InboundEvents inbound, FindingProcessor processor,
            MeterRegistry registry) {
        StreamMetrics metrics = new StreamMetrics(registry, "container");
        return message -> {
            Envelope<? extends EventData> envelope = inbound.decode(message);
            if (envelope.data() instanceof ContainerEvent event) {
                Timer.Sample sample = Timer.start(registry);
                ProcessingResult result = processor.onContainerEvent(envelope.id(), envelope.time(), event);
                sample.stop(metrics.processing);
                metrics.record(result);
            } else {
                log.warn("Ignoring {} on the container events topic", envelope.type().type());
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
        private final java.util.Map<ProcessingResult.Disposition, Counter> dispositions =
                new java.util.EnumMap<>(ProcessingResult.Disposition.class);

        StreamMetrics(MeterRegistry registry, String subject) {
            this.registry = registry;
            this.processing = Timer.builder("dockwarden.compliance.evaluation").tag("subject", subject)
                    .description("Time to evaluate one event and publish what changed").register(registry);
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
