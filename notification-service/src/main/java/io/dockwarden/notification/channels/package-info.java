/** The channels behind the Notifier interface: signed webhooks, Slack-style webhooks, e-mail, Kafka and the log. */
@NullMarked
package io.dockwarden.notification.channels;

import org.jspecify.annotations.NullMarked;
