package io.dockwarden.notification.channels;

import io.dockwarden.events.codec.EventJson;
import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.Notification;
import io.dockwarden.notification.delivery.Notifier;
import io.dockwarden.notification.delivery.Outcome;
import io.dockwarden.notification.digests.Digest;
import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.routing.Receiver;
import io.dockwarden.notification.templates.Escaping;
import io.dockwarden.notification.templates.NotificationTemplates;
import io.dockwarden.notification.templates.TemplateModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhooks signed per Standard Webhooks. The default payload follows Alertmanager's webhook (version, groupKey,
 * status, receiver, groupLabels, commonLabels, alerts with labels, annotations, startsAt, endsAt, fingerprint), plus
 * the source event id and links; a digest is sent as {@code type: digest} with the report's figures. A {@code body}
 * template replaces the payload. The {@code webhook-id} is the delivery id, the same on every retry and after a
 * restart; the timestamp and signature are those of each attempt.
 */
public final class WebhookNotifier implements Notifier {

    private final HttpPoster http;
    private final NotificationTemplates templates;
    private final Duration defaultTimeout;
    private final Clock clock;

    public WebhookNotifier(HttpPoster http, NotificationTemplates templates, Duration defaultTimeout, Clock clock) {
        this.http = http;
        this.templates = templates;
        this.defaultTimeout = defaultTimeout;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "webhook";
    }

    @Override
    public Outcome send(Delivery delivery, Receiver receiver, ChannelConfig config) {
        ChannelConfig.Webhook webhook = (ChannelConfig.Webhook) config;
        List<Alert> alerts = Payloads.alertsFor(delivery.notification(), webhook);
        byte[] body;
        if (webhook.templates().containsKey("body")) {
            body = templates.render("body", webhook.templates(),
                    TemplateModel.of(delivery.notification(), alerts, delivery.id()), Escaping.JSON)
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            body = EventJson.mapper().writeValueAsBytes(payload(delivery, alerts));
        }
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
        headers.put(StandardWebhooks.ID_HEADER, delivery.id());
        headers.put(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(StandardWebhooks.SIGNATURE_HEADER,
                StandardWebhooks.signature(webhook.secrets(), delivery.id(), timestamp, body));
        return http.post("webhook of receiver " + receiver.name(), webhook.url(), headers, body,
                webhook.timeout() == null ? defaultTimeout : webhook.timeout());
    }

    static Map<String, Object> payload(Delivery delivery, List<Alert> alerts) {
        Notification notification = delivery.notification();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", "4");
        payload.put("id", delivery.id());
        payload.put("receiver", notification.receiver());
        payload.put("groupKey", notification.groupKey());
        Digest digest = notification.digest();
        if (digest != null) {
            payload.put("type", "digest");
            payload.put("status", "firing");
            payload.put("digest", digest);
            return payload;
        }
        payload.put("type", "alerts");
        payload.put("status", alerts.stream().anyMatch(alert -> alert.status().wireName().equals("firing"))
                ? "firing" : "resolved");
        payload.put("truncatedAlerts", 0);
        payload.put("groupLabels", notification.groupLabels());
        payload.put("commonLabels", Payloads.commonLabels(alerts));
        payload.put("alerts", alerts.stream().map(Payloads::alert).toList());
        return payload;
    }
}
