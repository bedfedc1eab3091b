package io.dockwarden.notification.channels;

import io.dockwarden.events.codec.EventJson;
import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.Notifier;
import io.dockwarden.notification.delivery.Outcome;
import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.routing.Receiver;
import io.dockwarden.notification.templates.Escaping;
import io.dockwarden.notification.templates.NotificationTemplates;
import io.dockwarden.notification.templates.TemplateModel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack-style incoming webhooks: a {@code text} (the fallback shown in notifications) and Block Kit {@code blocks}:
 * a header, one section per alert (or the digest), and a context line. Slack accepts at most 50 blocks; beyond that
 * the last block says how many alerts were left out. A {@code body} template replaces the whole payload.
 */
public final class SlackNotifier implements Notifier {

    static final int MAX_ALERT_BLOCKS = 45;
    private static final int MAX_SECTION_CHARS = 2900;

    private final HttpPoster http;
    private final NotificationTemplates templates;
    private final Duration timeout;

    public SlackNotifier(HttpPoster http, NotificationTemplates templates, Duration timeout) {
        this.http = http;
        this.templates = templates;
        this.timeout = timeout;
    }

    @Override
    public String channel() {
        return "slack";
    }

    @Override
    public Outcome send(Delivery delivery, Receiver receiver, ChannelConfig config) {
        ChannelConfig.Slack slack = (ChannelConfig.Slack) config;
        List<Alert> alerts = Payloads.alertsFor(delivery.notification(), slack);
        Map<String, Object> model = TemplateModel.of(delivery.notification(), alerts, delivery.id());
        byte[] body;
        if (slack.templates().containsKey("body")) {
            body = templates.render("body", slack.templates(), model, Escaping.JSON).getBytes(StandardCharsets.UTF_8);
        } else {
            body = EventJson.mapper().writeValueAsBytes(payload(slack, model, alerts, delivery));
        }
        return http.post("slack webhook of receiver " + receiver.name(), URI.create(slack.url().value()), Map.of(),
                body, timeout);
    }

    private Map<String, Object> payload(ChannelConfig.Slack slack, Map<String, Object> model, List<Alert> alerts,
            Delivery delivery) {
        String title = templates.render(NotificationTemplates.TITLE, slack.templates(), model, Escaping.NONE).strip();
        Map<String, Object> payload = new LinkedHashMap<>();
        if (slack.channel() != null) {
            payload.put("channel", slack.channel());
        }
        payload.put("text", templates.render(NotificationTemplates.TEXT, slack.templates(), model, Escaping.NONE)
                .strip());
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", limit(title, 150))));
        if (delivery.notification().digest() != null) {
            blocks.add(section(templates.render(NotificationTemplates.TEXT, Map.of(), model, Escaping.NONE)
                    .strip()));
        } else {
            for (Alert alert : alerts.stream().limit(MAX_ALERT_BLOCKS).toList()) {
                String marker = alert.status().wireName().equals("firing") ? ":red_circle:" : ":white_check_mark:";
                StringBuilder text = new StringBuilder(marker + " *" + mrkdwn(alert.title()) + "*\n")
                        .append(mrkdwn(alert.summary()));
                alert.links().forEach(link -> text.append("\n<").append(link).append(">"));
                blocks.add(section(text.toString()));
            }
            if (alerts.size() > MAX_ALERT_BLOCKS) {
                blocks.add(section("... and " + (alerts.size() - MAX_ALERT_BLOCKS) + " more alerts"));
            }
        }
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text",
                "Dockwarden · receiver " + mrkdwn(delivery.receiver()) + " · " + delivery.id()))));
        payload.put("blocks", blocks);
        return payload;
    }

    private static Map<String, Object> section(String text) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", limit(text, MAX_SECTION_CHARS)));
    }

    private static String mrkdwn(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
