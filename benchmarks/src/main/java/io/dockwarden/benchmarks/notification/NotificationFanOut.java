package io.dockwarden.benchmarks.notification;

import io.dockwarden.benchmarks.BenchContext;
import io.dockwarden.benchmarks.Benchmark;
import io.dockwarden.benchmarks.compliance.BulkProducer;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.MemorySampler;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notification fan-out: finding events become alerts, each its own group, delivered signed to a loopback receiver
 * that verifies every signature; against a plain {@code HttpClient} posting the very bodies the service delivered,
 * with the same number of requests in flight. The webhook lane's rate limit (20/s by default, a courtesy to real
 * receivers) is raised for the run so that the pipeline, not the limiter, is measured.
 */
public final class NotificationFanOut implements Benchmark {

    static final String NAME = "notification-fan-out";
    static final int CONCURRENCY = 4;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration STALL = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "notification";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        int alerts = context.options().notificationAlerts();
        int rate = context.options().webhookRatePerSecond();
        String secret = WebhookSignature.newSecret();
        try (BenchStack stack = context.newStack(name());
                SignedWebhookReceiver receiver = new SignedWebhookReceiver(secret)) {
            stack.requireJars(StackServices.NOTIFICATION);
            Path routing = routingFile(stack.work(), receiver.url(), secret);
            Map<String, String> environment = Map.of(
                    "DOCKWARDEN_NOTIFICATION_ROUTING_FILE", routing.toString(),
                    "SPRING_APPLICATION_JSON", laneSettings(CONCURRENCY, rate));
            RunningService service = stack.start(stack.services(Map.of(StackServices.NOTIFICATION, environment))
                    .notification(FreePorts.next()));
            context.footprints().started(service);

            List<EncodedEvent> events = FindingWorkload.opened(alerts, UUID.randomUUID().toString().substring(0, 8));
            Delivered delivered;
            try (MemorySampler memory = service.sampleMemory(500);
                    BulkProducer producer = new BulkProducer(stack.kafka().bootstrapServers())) {
                events.forEach(producer::send);
                producer.flush();
                delivered = awaitDeliveries(receiver, alerts);
                context.footprints().underLoad(service.name(), memory, alerts + " alerts fanned out");
            }
            stack.stop(service);
            if (delivered.alerts() == 0) {
                throw new IllegalStateException("no alert was delivered within " + DELIVERY_TIMEOUT
                        + "; see logs/notification");
            }
            List<SignedWebhookReceiver.Delivery> bodies = receiver.accepted();
            long duplicates = receiver.duplicateIds();
            long invalid = receiver.rejectedSignatures();
            receiver.reset();
            long baselineMillis = new PlainPoster().post(receiver.url(), bodies, CONCURRENCY);
            double baselineRate = receiver.acceptedAlerts() * 1000.0 / Math.max(1, baselineMillis);

            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.of(NAME, "alerts/s delivered to a signature-verifying webhook, notification-service",
                    delivered.alertsPerSecond(), "alerts/s")
                    .against("plain HttpClient posting the same signed bodies", baselineRate)
                    .note(delivered.alerts() + " of " + alerts + " alerts in " + delivered.requests()
                            + " requests, " + CONCURRENCY + " in flight, lane limit " + rate + "/s (default 20/s)"));
            figures.add(Figure.of(NAME, "alerts delivered within " + DELIVERY_TIMEOUT.toMinutes() + " min",
                    delivered.alerts(), "alerts").against("alerts published", alerts));
            figures.add(Figure.of(NAME, "duplicate webhook-ids accepted", duplicates, "requests").valueEquals(0));
            figures.add(Figure.of(NAME, "requests with an invalid signature", invalid, "requests").valueEquals(0));
            return figures;
        }
    }

    static String laneSettings(int concurrency, int rate) {
        return "{\"dockwarden\":{\"notification\":{\"channels\":{\"webhook\":{\"max-concurrency\":" + concurrency
                + ",\"rate-per-second\":" + rate + ",\"burst\":" + rate + "}}}}}";
    }

    /** Every alert its own group, sent at once; the secret in a file of the owner's only. */
    public static Path routingFile(Path directory, String url, String secret) {
        try {
            Path secretFile = directory.resolve("webhook-secret");
            Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secretFile, secret);
            Path routing = directory.resolve("routing.yml");
            Files.writeString(routing, """
                    route:
                      receiver: benchmark
                      group_by: ['...']
                      group_wait: 0s
                      group_interval: 1m
                      repeat_interval: 24h
                    receivers:
                    - name: benchmark
                      webhook_configs:
                      - url: %s
                        secret_files: [%s]
                    """.formatted(url, secretFile));
            return routing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Delivered awaitDeliveries(SignedWebhookReceiver receiver, int alerts) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        long lastChange = System.nanoTime();
        long seen = -1;
        while (System.nanoTime() < deadline && receiver.acceptedAlerts() < alerts
                && System.nanoTime() - lastChange < STALL.toNanos()) {
            long now = receiver.acceptedAlerts();
            if (now != seen) {
                seen = now;
                lastChange = System.nanoTime();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        List<SignedWebhookReceiver.Delivery> accepted = receiver.accepted();
        if (accepted.isEmpty()) {
            return new Delivered(0, 0, 0);
        }
        long first = accepted.get(0).receivedNanos();
        long last = accepted.get(accepted.size() - 1).receivedNanos();
        return new Delivered(receiver.acceptedAlerts(), accepted.size(), Math.max(1, (last - first) / 1_000_000));
    }

    /**
     * What the service delivered.
     *
     * @param alerts alerts in requests with distinct ids
     * @param requests requests accepted
     * @param millis from the first delivery to the last
     */
    record Delivered(long alerts, int requests, long millis) {

        double alertsPerSecond() {
            return alerts * 1000.0 / millis;
        }
    }
}
