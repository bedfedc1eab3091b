package io.dockwarden.benchmarks.drills;

import io.dockwarden.benchmarks.compliance.BulkProducer;
import io.dockwarden.benchmarks.notification.FindingWorkload;
import io.dockwarden.benchmarks.notification.NotificationFanOut;
import io.dockwarden.benchmarks.notification.SignedWebhookReceiver;
import io.dockwarden.benchmarks.notification.WebhookSignature;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Receiver outage: the webhook receiver refuses connections for 60 s while alerts are raised, then answers 429 with
 * {@code Retry-After} for a while, then accepts. Counts alerts delivered and webhook ids accepted more than once;
 * goal: every alert delivered, each id accepted once, every signature valid.
 */
class ReceiverOutageDrillIT {

    private static final int ALERTS = Integer.getInteger("drill.receiver-outage.alerts", 50);
    private static final Duration DOWN = Duration.ofSeconds(60);
    private static final Duration THROTTLED = Duration.ofSeconds(20);
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void deliversEveryAlertOnceAfterAnOutageAndThrottling() throws Exception {
        DrillReport report = new DrillReport("receiver-outage", "Drill: webhook receiver down, then throttling")
                .setting("alerts", ALERTS).setting("down", DOWN.toSeconds() + "s (connection refused)")
                .setting("throttled", THROTTLED.toSeconds() + "s (429, Retry-After: " + RETRY_AFTER_SECONDS + ")")
                .setting("retry.max-backoff", "15s (default 5m, shortened to keep the drill short)");
        report.run(() -> {
            String secret = WebhookSignature.newSecret();
            try (BenchStack stack = BenchStack.create(DrillReport.home(), report.logs());
                    SignedWebhookReceiver receiver = new SignedWebhookReceiver(secret)) {
                Map<String, String> environment = Map.of(
                        "DOCKWARDEN_NOTIFICATION_ROUTING_FILE", NotificationFanOut.routingFile(stack.work(),
                                receiver.url(), secret).toString(),
                        "DOCKWARDEN_NOTIFICATION_RETRY_MAX_BACKOFF", "15s");
                RunningService service = stack.start(stack.services(Map.of(StackServices.NOTIFICATION, environment))
                        .notification(FreePorts.next()));
                receiver.down();
                List<EncodedEvent> events = FindingWorkload.opened(ALERTS,
                        UUID.randomUUID().toString().substring(0, 8));
                try (BulkProducer producer = new BulkProducer(stack.kafka().bootstrapServers())) {
                    events.forEach(producer::send);
                    producer.flush();
                }
                Thread.sleep(DOWN.toMillis());
                receiver.throttle(RETRY_AFTER_SECONDS);
                receiver.up();
                Thread.sleep(THROTTLED.toMillis());
                long throttledRequests = receiver.throttled();
                receiver.accept();
                long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
                while (receiver.acceptedAlerts() < ALERTS && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                // Late duplicates would arrive after the last first delivery: listen a little longer.
                Thread.sleep(10_000);
                String drill = report.name();
                report.add(Figure.of(drill, "alerts delivered", receiver.acceptedAlerts(), "alerts")
                                .against("alerts raised", ALERTS).ratioEquals(1.0))
                        .add(Figure.of(drill, "webhook ids accepted more than once", receiver.duplicateIds(),
                                "requests").valueEquals(0))
                        .add(Figure.of(drill, "requests with an invalid signature", receiver.rejectedSignatures(),
                                "requests").valueEquals(0))
                        .add(Figure.of(drill, "requests answered 429 with Retry-After", throttledRequests, "requests")
                                .valueAtLeast(1).note("shows the throttling phase was exercised"))
                        .add(Figure.of(drill, "service health afterwards",
                                "UP".equals(service.actuator().healthStatus("")) ? 1 : 0, "UP").valueEquals(1));
            }
        });
    }
}
