package io.dockwarden.notification.channels;

import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.notification.AlertPublished;
import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.alerts.AlertStatus;
import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.Notifier;
import io.dockwarden.notification.delivery.Outcome;
import io.dockwarden.notification.digests.Digest;
import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.routing.Receiver;
import io.dockwarden.notification.templates.Escaping;
import io.dockwarden.notification.templates.NotificationTemplates;
import io.dockwarden.notification.templates.TemplateModel;
import io.dockwarden.stream.EventPublisher;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Publishes normalised alerts ({@code io.dockwarden.alert.published.v1}) to {@code dockwarden.notification.alerts},
 * keyed by fingerprint, for other systems. Each event's id derives from the delivery id and the fingerprint, so a
 * retried publish is recognisably the same event. A digest is published as one informational alert about the report.
 */
public final class KafkaNotifier implements Notifier {

    private final EventPublisher publisher;
    private final NotificationTemplates templates;

    public KafkaNotifier(EventPublisher publisher, NotificationTemplates templates) {
        this.publisher = publisher;
        this.templates = templates;
    }

    @Override
    public String channel() {
        return "kafka";
    }

    @Override
    public Outcome send(Delivery delivery, Receiver receiver, ChannelConfig config) {
        try {
            Digest digest = delivery.notification().digest();
            if (digest != null) {
                publisher.publish(digestAlert(delivery, digest), delivery.id() + "/report", delivery.notification()
                        .createdAt());
                return Outcome.delivered();
            }
            for (Alert alert : Payloads.alertsFor(delivery.notification(), config)) {
                AlertPublished event = new AlertPublished(alert.fingerprint(), alert.status().wireName(),
                        alert.severity().wireName(), alert.title(), alert.summary(), alert.labels(),
                        uris(alert.links()), alert.sourceEventId(), alert.startsAt(),
                        alert.status() == AlertStatus.RESOLVED ? alert.endsAt() : null, receiver.name());
                publisher.publish(event, delivery.id() + "/" + alert.fingerprint(), alert.updatedAt());
            }
            return Outcome.delivered();
        } catch (EventPublisher.PublishFailedException e) {
            return Outcome.retryable("publishing to Kafka failed (" + rootName(e) + ")");
        } catch (IllegalArgumentException e) {
            return Outcome.permanent("the alert does not fit the contract: " + e.getMessage());
        }
    }

    private AlertPublished digestAlert(Delivery delivery, Digest digest) {
        Map<String, Object> model = TemplateModel.of(delivery.notification(), List.of(), delivery.id());
        String title = templates.render(NotificationTemplates.TITLE, Map.of(), model, Escaping.NONE).strip();
        String summary = templates.render(NotificationTemplates.TEXT, Map.of(), model, Escaping.NONE).strip();
        return new AlertPublished("report/" + digest.reportId() + "/" + digest.subscription(), "firing",
                Severity.INFO.wireName(), title, summary, Map.of("type", "report", "report", digest.reportId(),
                        "subscription", digest.subscription()),
                uris(digest.links().stream().map(link -> link.url()).toList()), delivery.notification().id(),
                digest.generatedAt(), null, delivery.receiver());
    }

    /** Only absolute URLs are links in the contract. */
    private static List<String> uris(List<String> links) {
        return links.stream().filter(link -> {
            try {
                return URI.create(link).isAbsolute();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).toList();
    }

    private static String rootName(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
