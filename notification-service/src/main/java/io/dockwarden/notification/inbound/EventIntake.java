package io.dockwarden.notification.inbound;

import io.dockwarden.events.EventData;
import io.dockwarden.events.codec.Envelope;
import io.dockwarden.events.finding.FindingEvent;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.notification.alerts.EventAlerts;
import io.dockwarden.notification.alerts.Translation;
import io.dockwarden.notification.delivery.DeliveryService;
import io.dockwarden.notification.delivery.Notification;
import io.dockwarden.notification.digests.ArchiveLink;
import io.dockwarden.notification.digests.ArchiveLinks;
import io.dockwarden.notification.digests.Digest;
import io.dockwarden.notification.digests.DigestLedger;
import io.dockwarden.notification.digests.Digests;
import io.dockwarden.notification.digests.FindingChange;
import io.dockwarden.notification.grouping.Dispatcher;
import io.dockwarden.notification.routing.RoutingConfig;
import io.dockwarden.notification.routing.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What happens to a consumed event before its offset is committed: an alert is stored and routed into its groups
 * (which notify later, from stored state); a report's digests are delivered or parked for retries. If any of it fails,
 * the method throws and the record is consumed again.
 */
public final class EventIntake {

    private final EventAlerts alerts;
    private final Dispatcher dispatcher;
    private final DigestLedger ledger;
    private final Supplier<RoutingConfig> routing;
    private final ArchiveLinks archive;
    private final DeliveryService deliveries;
    private final Duration handOnTimeout;
    private final MeterRegistry meters;
    private final Clock clock;

    public EventIntake(EventAlerts alerts, Dispatcher dispatcher, DigestLedger ledger, Supplier<RoutingConfig> routing,
            ArchiveLinks archive, DeliveryService deliveries, Duration handOnTimeout, MeterRegistry meters,
            Clock clock) {
        this.alerts = alerts;
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.routing = routing;
        this.archive = archive;
        this.deliveries = deliveries;
        this.handOnTimeout = handOnTimeout;
        this.meters = meters;
        this.clock = clock;
    }

    public void accept(Envelope<? extends EventData> envelope) {
        if (envelope.data() instanceof FindingEvent finding) {
            ledger.record(FindingChange.of(finding));
        }
        Translation translation = alerts.translate(envelope);
        if (translation instanceof Translation.AlertUpdate update) {
            boolean changed = dispatcher.ingest(update.alert());
            meters.counter("dockwarden.notification.alerts.received", "status", update.alert().status().wireName(),
                    "type", update.alert().label(EventAlerts.TYPE), "changed", Boolean.toString(changed)).increment();
        } else {
            digest((Translation.ReportDigest) translation);
        }
    }

    private void digest(Translation.ReportDigest request) {
        ReportPublished report = request.report();
        if (ledger.digested(report.reportId())) {
            return;
        }
        List<Subscription> subscriptions = routing.get().subscriptions();
        List<CompletableFuture<Void>> handedOn = new ArrayList<>();
        if (!subscriptions.isEmpty()) {
            List<ArchiveLink> links = archive.linksFor(report);
            for (Subscription subscription : subscriptions) {
                Digest digest = Digests.build(subscription, report, ledger.lastReport(), ledger.changes(), links);
                // Derived from the event, so a redelivered report gets the same delivery ids.
                String id = UUID.nameUUIDFromBytes((request.eventId() + "/" + subscription.name())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                Notification notification = new Notification(id, subscription.receiver(),
                        "digest/" + subscription.name(), Map.of("subscription", subscription.name()), List.of(),
                        digest, clock.instant(), null);
                handedOn.add(deliveries.submit(notification));
                meters.counter("dockwarden.notification.digests", "subscription", subscription.name()).increment();
            }
        }
        try {
            CompletableFuture.allOf(handedOn.toArray(CompletableFuture[]::new))
                    .get(handOnTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing on the digests of " + report.reportId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("digests of report " + report.reportId() + " not handed on: "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
        ledger.digestedReport(report, clock.instant());
    }
}
