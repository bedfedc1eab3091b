package io.dockwarden.compliance.findings.kafka;

import io.dockwarden.compliance.ComplianceProperties;
import io.dockwarden.compliance.findings.FindingProcessor;
import io.dockwarden.compliance.findings.KeyLocks;
import io.dockwarden.compliance.policy.PolicyHolder;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.stream.EventPublisher;
import io.dockwarden.stream.StreamProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/** The finding lifecycle wired to Kafka: state topic, event sink, processor, ownership and re-evaluation. */
@Configuration(proxyBeanMethods = false)
class FindingsConfiguration {

    @Bean
    KafkaSubjectStates subjectStates(KafkaProperties kafka,
            @Qualifier("dockwardenKafkaTemplate") KafkaTemplate<String, byte[]> template,
            ComplianceProperties properties, StreamProperties stream, MeterRegistry registry) {
        KafkaSubjectStates states = new KafkaSubjectStates(kafka.buildConsumerProperties(),
                kafka.buildAdminProperties(), template, properties.state(), stream.sendTimeout());
        Gauge.builder("dockwarden.compliance.subjects", states, KafkaSubjectStates::size)
                .description("Containers and engines whose state this instance holds").register(registry);
        return states;
    }

    @Bean
    KeyLocks keyLocks() {
        return new KeyLocks(256);
    }

    @Bean
    FindingProcessor findingProcessor(KafkaSubjectStates states, EventCodec codec, EventPublisher publisher,
            StreamProperties stream, PolicyHolder policy, Clock clock, KeyLocks locks,
            ComplianceProperties properties) {
        return new FindingProcessor(states, new KafkaFindingEventSink(codec, publisher, stream.sendTimeout()), policy,
                clock, locks, properties.resolvedRetention());
    }

    @Bean
    PartitionOwnership partitionOwnership(KafkaSubjectStates states, ComplianceProperties properties) {
        return new PartitionOwnership(states, properties.state().catchUpTimeout());
    }

    @Bean
    Reevaluations reevaluations(FindingProcessor processor, KafkaSubjectStates states, PartitionOwnership ownership,
            PolicyHolder policy, Clock clock, ComplianceProperties properties, MeterRegistry registry) {
        return new Reevaluations(processor, states, ownership, policy, clock, properties.reevaluationInterval(),
                properties.state().removedRetention(), registry);
    }

    @Bean
    NewTopic findingsTopic(ComplianceProperties properties) {
        return TopicBuilder.name(Topics.FINDINGS).partitions(properties.state().partitions()).build();
    }

    @Bean
    NewTopic reportsTopic() {
        return TopicBuilder.name(Topics.REPORTS).partitions(1).build();
    }

    @Bean
    HealthIndicator findingStateHealthIndicator(KafkaSubjectStates states, PartitionOwnership ownership) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("topic", states.topic());
            details.put("subjects", states.size());
            details.put("positions", states.positions());
            details.put("assigned", ownership.assigned());
            return (states.ready() ? Health.up() : Health.down()).withDetails(details).build();
        };
    }
}
