package io.dockwarden.stream;

import io.dockwarden.events.codec.EventCodec;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;

/** Wires the contract's codec, the event publisher and dead-lettering into every service. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(StreamProperties.class)
public class DockwardenStreamAutoConfiguration {

    /** Room for oversized records to reach the dead-letter topic as they are. */
    static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024 + 64 * 1024;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(StreamProperties properties, Clock clock, Environment environment) {
        String source = properties.source() != null ? properties.source()
                : "/dockwarden/" + environment.getProperty("spring.application.name", "service");
        return new EventCodec(source, properties.maxPayloadBytes(), clock);
    }

    @Bean
    KafkaTemplate<String, byte[]> dockwardenKafkaTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig(kafka, StringSerializer.class)));
    }

    /** Dead letters keep the consumed record's key and value as the bytes they were. */
    @Bean
    KafkaTemplate<byte[], byte[]> dockwardenDeadLetterTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig(kafka,
                ByteArraySerializer.class)));
    }

    private static Map<String, Object> producerConfig(KafkaProperties kafka, Class<?> keySerializer) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Durable and free of duplicates across producer retries: a broker outage delays, never loses or doubles.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // lz4 rather than zstd: zstd took about a tenth of the compliance service's time under load, and on small JSON
        // documents the ratios differ little.
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(EventCodec codec,
            @Qualifier("dockwardenKafkaTemplate") KafkaTemplate<String, byte[]> template, StreamProperties properties) {
        return new EventPublisher(codec, template, properties.sendTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    InboundEvents inboundEvents(EventCodec codec) {
        return new InboundEvents(codec);
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer dockwardenDeadLetterPublishing(
            @Qualifier("dockwardenDeadLetterTemplate") KafkaTemplate<byte[], byte[]> template, KafkaAdmin admin,
            StreamProperties properties) {
        return new DeadLetterPublishing(template, admin, properties.retry());
    }

    /**
     * The binder looks this bean up by name: CloudEvents attributes travel as plain UTF-8 header values, without the
     * JSON type header Spring would add otherwise.
     */
    @Bean
    @ConditionalOnMissingBean(name = "kafkaBinderHeaderMapper")
    SimpleKafkaHeaderMapper kafkaBinderHeaderMapper() {
        SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper();
        mapper.setMapAllStringsOut(true);
        return mapper;
    }
}
