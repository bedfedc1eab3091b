package io.dockwarden.notification.config;

import io.dockwarden.notification.alerts.AlertLinks;
import io.dockwarden.notification.alerts.EventAlerts;
import io.dockwarden.notification.channels.EmailNotifier;
import io.dockwarden.notification.channels.HttpPoster;
import io.dockwarden.notification.channels.KafkaNotifier;
import io.dockwarden.notification.channels.LogNotifier;
import io.dockwarden.notification.channels.SlackNotifier;
import io.dockwarden.notification.channels.SmtpSettings;
import io.dockwarden.notification.channels.WebhookNotifier;
import io.dockwarden.notification.delivery.ChannelLane;
import io.dockwarden.notification.delivery.DeliveryLog;
import io.dockwarden.notification.delivery.DeliveryRecord;
import io.dockwarden.notification.delivery.DeliveryService;
import io.dockwarden.notification.delivery.RetryPolicy;
import io.dockwarden.notification.digests.ArchiveLinks;
import io.dockwarden.notification.digests.DigestLedger;
import io.dockwarden.notification.digests.archive.PresignedArchiveLinks;
import io.dockwarden.notification.grouping.Dispatcher;
import io.dockwarden.notification.inbound.EventIntake;
import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.silences.Silences;
import io.dockwarden.notification.state.CompactedTopic;
import io.dockwarden.notification.state.DeliveryReceipts;
import io.dockwarden.notification.state.KafkaSilences;
import io.dockwarden.notification.state.KafkaState;
import io.dockwarden.notification.state.RetryTopic;
import io.dockwarden.notification.state.RetryWorker;
import io.dockwarden.notification.templates.NotificationTemplates;
import io.dockwarden.stream.EventPublisher;
import io.dockwarden.stream.InboundEvents;
import io.dockwarden.stream.StreamProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;

/** Wires the service: state on Kafka, the dispatcher, the channels, delivery with retries, and the stream function. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    private static final String KAFKA_TEMPLATE = "dockwardenKafkaTemplate";

    @Bean
    NotificationTemplates notificationTemplates() {
        return new NotificationTemplates();
    }

    @Bean
    RoutingSource routingSource(NotificationProperties properties, Clock clock) {
        return new RoutingSource(properties.routingFile(), clock);
    }

    @Bean
    SecretsInForce secretsInForce(NotificationProperties properties, RoutingSource routing) {
        SecretsInForce secrets = new SecretsInForce(properties, routing.current());
        routing.onChange(secrets::update);
        return secrets;
    }

    @Bean(destroyMethod = "close")
    ExecutorScheduler dispatchScheduler() {
        return new ExecutorScheduler();
    }

    @Bean
    ServiceTopics serviceTopics(KafkaAdmin admin, NotificationProperties properties) {
        return new ServiceTopics(admin, properties.topics());
    }

    @Bean(destroyMethod = "close")
    CompactedTopic stateTopic(ServiceTopics created, NotificationProperties properties, KafkaProperties kafka,
            @Qualifier(KAFKA_TEMPLATE) KafkaTemplate<String, byte[]> template, StreamProperties stream) {
        return new CompactedTopic(properties.topics().state(), kafka.buildConsumerProperties(), template,
                stream.sendTimeout());
    }

    @Bean(destroyMethod = "close")
    CompactedTopic silencesTopic(ServiceTopics created, NotificationProperties properties, KafkaProperties kafka,
            @Qualifier(KAFKA_TEMPLATE) KafkaTemplate<String, byte[]> template, StreamProperties stream) {
        return new CompactedTopic(properties.topics().silences(), kafka.buildConsumerProperties(), template,
                stream.sendTimeout());
    }

    @Bean(destroyMethod = "close")
    CompactedTopic retriesTopic(ServiceTopics created, NotificationProperties properties, KafkaProperties kafka,
            @Qualifier(KAFKA_TEMPLATE) KafkaTemplate<String, byte[]> template, StreamProperties stream) {
        return new CompactedTopic(properties.topics().retries(), kafka.buildConsumerProperties(), template,
                stream.sendTimeout());
    }

    @Bean
    KafkaState kafkaState(@Qualifier("stateTopic") CompactedTopic stateTopic) {
        return new KafkaState(stateTopic);
    }

    @Bean
    Silences silences(@Qualifier("silencesTopic") CompactedTopic silencesTopic, NotificationProperties properties,
            ExecutorScheduler scheduler, Clock clock, MeterRegistry meters) {
        KafkaSilences store = new KafkaSilences(silencesTopic);
        Silences silences = new Silences(store);
        store.loadAndFollow(silences);
        scheduler.every(Duration.ofMinutes(10), () -> silences.purgeExpired(clock.instant(),
                properties.silenceRetention()));
        Gauge.builder("dockwarden.notification.silences.active", silences, s -> s.activeCount(clock.instant()))
                .description("Silences in force").register(meters);
        return silences;
    }

    @Bean
    DeliveryLog deliveryLog(NotificationProperties properties) {
        return new DeliveryLog(properties.deliveryLogSize());
    }

    @Bean(destroyMethod = "close")
    ChannelLanes channelLanes(NotificationProperties properties) {
        Map<String, ChannelLane> lanes = new LinkedHashMap<>();
        for (String channel : List.of("webhook", "slack", "email", "kafka", "log")) {
            NotificationProperties.Lane lane = properties.lane(channel);
            lanes.put(channel, new ChannelLane(channel, lane.maxConcurrency(), lane.ratePerSecond(), lane.burst()));
        }
        return new ChannelLanes(lanes);
    }

    /** The lanes of every channel kind; closing them stops their threads. */
    record ChannelLanes(Map<String, ChannelLane> byChannel) implements AutoCloseable {
        @Override
        public void close() {
            byChannel.values().forEach(ChannelLane::close);
        }
    }

    @Bean
    DeliveryService deliveryService(RoutingSource routing, NotificationTemplates templates,
            NotificationProperties properties, ChannelLanes channelLanes,
            @Qualifier("retriesTopic") CompactedTopic retriesTopic,
            @Qualifier(KAFKA_TEMPLATE) KafkaTemplate<String, byte[]> template, StreamProperties stream,
            EventPublisher publisher, DeliveryLog deliveryLog, SecretsInForce secrets, MeterRegistry meters,
            Clock clock) {
        NotificationProperties.Retry retry = properties.retry();
        RetryPolicy policy = new RetryPolicy(retry.initialBackoff(), retry.multiplier(), retry.maxBackoff(),
                retry.jitter(), retry.maxAttempts(), retry.maxAge(), retry.maxRetryAfter());
        HttpPoster http = new HttpPoster(properties.http().connectTimeout(), clock);
        NotificationProperties.Email email = properties.email();
        EmailNotifier emailNotifier = new EmailNotifier(templates, config -> smtp(config, email));
        return new DeliveryService(routing::current, List.of(
                new WebhookNotifier(http, templates, properties.http().requestTimeout(), clock),
                new SlackNotifier(http, templates, properties.http().requestTimeout()),
                emailNotifier,
                new KafkaNotifier(publisher, templates),
                new LogNotifier(templates)),
                channelLanes.byChannel(), policy,
                new RetryTopic(retriesTopic, properties.topics().retriesDeadLetter(), template, stream.sendTimeout()),
                new DeliveryReceipts(publisher), deliveryLog, secrets, meters, clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    private static SmtpSettings smtp(ChannelConfig.Email config, NotificationProperties.Email defaults) {
        String host = defaults.host();
        int port = defaults.port();
        if (config.smarthost() != null) {
            int colon = config.smarthost().lastIndexOf(':');
            host = config.smarthost().substring(0, colon);
            port = Integer.parseInt(config.smarthost().substring(colon + 1));
        }
        if (host == null) {
            throw new IllegalStateException("no SMTP server: set a smarthost or dockwarden.notification.email.host");
        }
        boolean ownServer = config.smarthost() != null;
        return new SmtpSettings(host, port,
                config.username() != null ? config.username() : ownServer ? null : defaults.username(),
                config.password() != null ? config.password() : ownServer ? null : defaults.password(),
                config.startTls() != null ? config.startTls() : defaults.startTls(),
                config.tls() != null ? config.tls() : defaults.tls(),
                defaults.from(), defaults.timeout());
    }

    @Bean
    DigestLedger digestLedger(KafkaState state) {
        return new DigestLedger(state);
    }

    @Bean(destroyMethod = "stop")
    Dispatcher dispatcher(RoutingSource routing, KafkaState state, DigestLedger ledger, DeliveryService deliveries,
            Silences silences, DeliveryLog deliveryLog, ExecutorScheduler scheduler, MeterRegistry meters,
            NotificationProperties properties, Clock clock) {
        Dispatcher dispatcher = new Dispatcher(routing.current(), state, state, deliveries::submit, silences::muting,
                (alert, receiver, silenceIds, now) -> {
                    deliveryLog.add(new DeliveryRecord(now, alert.fingerprint(), receiver, null,
                            DeliveryRecord.SILENCED, 0, List.of(alert.fingerprint()),
                            "muted by silence " + String.join(", ", silenceIds)));
                    meters.counter("dockwarden.notification.alerts.silenced", "receiver", receiver).increment();
                }, scheduler, clock);
        KafkaState.Snapshot snapshot = state.load();
        ledger.restore(snapshot.changes(), snapshot.lastReport(), snapshot.digestedReports());
        dispatcher.restore(snapshot.alerts(), snapshot.notificationLog());
        routing.onChange(dispatcher::reconfigure);
        scheduler.every(properties.routingReloadInterval(), routing::reloadIfChanged);
        Gauge.builder("dockwarden.notification.alerts.active", dispatcher, d -> d.alerts().size())
                .description("Alerts held by the dispatcher").register(meters);
        return dispatcher;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    RetryWorker retryWorker(NotificationProperties properties, KafkaProperties kafka, DeliveryService deliveries,
            Dispatcher dispatcher, MeterRegistry meters, Clock clock) {
        RetryWorker worker = new RetryWorker(properties.topics().retries(), properties.topics().retryGroup(),
                kafka.buildConsumerProperties(), deliveries, clock);
        Gauge.builder("dockwarden.notification.retries.pending", worker, RetryWorker::pendingCount)
                .description("Deliveries waiting for their next attempt on this instance").register(meters);
        return worker;
    }

    @Bean
    ArchiveLinks archiveLinks(NotificationProperties properties, Clock clock) {
        NotificationProperties.Archive archive = properties.archive();
        if (archive.endpoint() == null || archive.accessKey() == null || archive.secretKey() == null) {
            return ArchiveLinks.none();
        }
        MinioClient client = MinioClient.builder().endpoint(archive.endpoint()).region(archive.region())
                .credentials(archive.accessKey(), archive.secretKey().value()).build();
        return new PresignedArchiveLinks(client, archive.linkExpiry(), archive.formats(), clock);
    }

    @Bean
    EventIntake eventIntake(NotificationProperties properties, Dispatcher dispatcher, DigestLedger ledger,
            RoutingSource routing, ArchiveLinks archiveLinks, DeliveryService deliveries, MeterRegistry meters,
            Clock clock) {
        return new EventIntake(new EventAlerts(new AlertLinks(properties.alertLinks()), properties.resolveTimeout()),
                dispatcher, ledger, routing::current, archiveLinks, deliveries, properties.handOnTimeout(), meters,
                clock);
    }

    /** The stream function: every consumed event becomes an alert or a digest before its offset is committed. */
    @Bean
    Consumer<Message<byte[]>> alertEvents(InboundEvents inbound, EventIntake intake) {
        return message -> {
            Object payload = message.getPayload();
            if (payload instanceof KafkaNull) {
                // A tombstone of a compacted topic carries no event.
                return;
            }
            intake.accept(inbound.decode(message));
        };
    }

    @Bean
    HealthIndicator routingHealthIndicator(RoutingSource routing) {
        return () -> {
            RoutingSource.Status status = routing.status();
            Health.Builder health = Health.up().withDetail("source", status.source())
                    .withDetail("loadedAt", status.loadedAt().toString())
                    .withDetail("receivers", routing.current().receivers().size())
                    .withDetail("subscriptions", routing.current().subscriptions().size());
            if (status.lastError() != null) {
                health.withDetail("lastRejected", status.lastError())
                        .withDetail("lastRejectedAt", String.valueOf(status.lastErrorAt()));
            }
            return health.build();
        };
    }

    @Bean
    HealthIndicator deliveriesHealthIndicator(RetryWorker worker, ChannelLanes channelLanes) {
        return () -> {
            Map<String, Object> active = new LinkedHashMap<>();
            channelLanes.byChannel().forEach((channel, lane) ->
                    active.put(channel, lane.active() + "/" + lane.maxConcurrency()));
            return Health.up().withDetail("pendingRetries", worker.pendingCount()).withDetail("activeSends", active)
                    .build();
        };
    }

    @Bean
    HealthIndicator smtpHealthIndicator(NotificationProperties properties) {
        NotificationProperties.Email email = properties.email();
        if (email.host() == null) {
            return () -> Health.unknown().withDetail("reason", "no service-wide SMTP server configured").build();
        }
        return new TcpProbe(email.host(), email.port(), 2000);
    }

    @Bean
    HealthIndicator archiveHealthIndicator(NotificationProperties properties) {
        String endpoint = properties.archive().endpoint();
        if (endpoint == null) {
            return () -> Health.unknown().withDetail("reason", "no report archive configured: digests carry no links")
                    .build();
        }
        URI uri = URI.create(endpoint);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new TcpProbe(uri.getHost(), port, 2000);
    }
}
