package io.dockwarden.notification.channels;

import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.Notifier;
import io.dockwarden.notification.delivery.Outcome;
import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.routing.Receiver;
import io.dockwarden.notification.templates.Escaping;
import io.dockwarden.notification.templates.NotificationTemplates;
import io.dockwarden.notification.templates.TemplateModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The built-in console receiver: writes the rendered text to the service log under {@code dockwarden.alerts}. */
public final class LogNotifier implements Notifier {

    private static final Logger alerts = LoggerFactory.getLogger("dockwarden.alerts");

    private final NotificationTemplates templates;

    public LogNotifier(NotificationTemplates templates) {
        this.templates = templates;
    }

    @Override
    public String channel() {
        return "log";
    }

    @Override
    public Outcome send(Delivery delivery, Receiver receiver, ChannelConfig config) {
        String text = templates.render(NotificationTemplates.TEXT, config.templates(),
                TemplateModel.of(delivery.notification(), Payloads.alertsFor(delivery.notification(), config),
                        delivery.id()), Escaping.NONE).strip();
        if ("WARN".equals(((ChannelConfig.Log) config).level())) {
            alerts.warn("[{}] {}", receiver.name(), text);
        } else {
            alerts.info("[{}] {}", receiver.name(), text);
        }
        return Outcome.delivered();
    }
}
