package io.dockwarden.events.notification;

import io.dockwarden.events.EventData;

/** The outcome of one notification to one receiver; keyed by the notification id. */
public sealed interface NotificationEvent extends EventData permits NotificationDelivered, NotificationFailed {

    String notificationId();

    String receiver();

    @Override
    default String subject() {
        return notificationId();
    }
}
