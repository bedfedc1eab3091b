package io.dockwarden.notification.routing;

import io.dockwarden.notification.secrets.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One integration of a receiver: where and how a notification is sent. Each notification to a receiver is delivered
 * to each of its integrations separately, with its own id, retries and outcome. {@code toString()} of every variant
 * masks its secrets.
 */
public sealed interface ChannelConfig permits ChannelConfig.Webhook, ChannelConfig.Slack, ChannelConfig.Email,
        ChannelConfig.Kafka, ChannelConfig.Log {

    /** The channel kind, as the delivery events name it: webhook, slack, email, kafka or log. */
    String kind();

    /** Whether notifications that carry only resolved alerts are sent. */
    boolean sendResolved();

    /** Template overrides by name (body, text, subject, html); absent names use the shipped defaults. */
    Map<String, String> templates();

    /** The secrets this integration holds, so that they can be scrubbed from any text. */
    default List<Secret> secrets() {
        return List.of();
    }

    /**
     * A webhook signed per Standard Webhooks.
     *
     * @param url where to POST
     * @param secrets signing secrets in {@code whsec_<base64>} form; several during a rotation, each signs
     * @param timeout the request timeout, absent for the service default
     * @param headers extra request headers
     * @param sendResolved whether resolved-only notifications are sent
     * @param templates a {@code body} template replaces the default JSON payload
     */
    record Webhook(URI url, List<Secret> secrets, @Nullable Duration timeout, Map<String, String> headers,
            boolean sendResolved, Map<String, String> templates) implements ChannelConfig {

        public Webhook {
            secrets = List.copyOf(secrets);
            headers = Map.copyOf(headers);
            templates = Map.copyOf(templates);
        }

        @Override
        public String kind() {
            return "webhook";
        }
    }

    /**
     * A Slack-style incoming webhook: JSON with {@code text} and {@code blocks}.
     *
     * @param url the incoming webhook URL, itself a secret
     * @param channel a channel override, if the endpoint honours it
     * @param sendResolved whether resolved-only notifications are sent
     * @param templates {@code text} and {@code title} templates, or a {@code body} template for the whole payload
     */
    record Slack(Secret url, @Nullable String channel, boolean sendResolved, Map<String, String> templates)
            implements ChannelConfig {

        public Slack {
            templates = Map.copyOf(templates);
        }

        @Override
        public String kind() {
            return "slack";
        }

        @Override
        public List<Secret> secrets() {
            return List.of(url);
        }
    }

    /**
     * E-mail over SMTP with an HTML and a plain-text part; unset server fields take the service-wide defaults.
     *
     * @param to recipients
     * @param from sender
     * @param smarthost {@code host:port} of the SMTP server
     * @param username SMTP user
     * @param password SMTP password
     * @param startTls whether STARTTLS is required
     * @param tls whether the connection is TLS from the start (SMTPS)
     * @param sendResolved whether resolved-only notifications are sent
     * @param templates {@code subject}, {@code text} and {@code html} templates
     */
    record Email(List<String> to, @Nullable String from, @Nullable String smarthost, @Nullable String username,
            @Nullable Secret password, @Nullable Boolean startTls, @Nullable Boolean tls, boolean sendResolved,
            Map<String, String> templates) implements ChannelConfig {

        public Email {
            to = List.copyOf(to);
            templates = Map.copyOf(templates);
        }

        @Override
        public String kind() {
            return "email";
        }

        @Override
        public List<Secret> secrets() {
            return password == null ? List.of() : List.of(password);
        }
    }

    /**
     * Normalised alerts ({@code io.dockwarden.alert.published.v1}) on {@code dockwarden.notification.alerts}.
     *
     * @param sendResolved whether resolved alerts are published
     */
    record Kafka(boolean sendResolved) implements ChannelConfig {

        @Override
        public String kind() {
            return "kafka";
        }

        @Override
        public Map<String, String> templates() {
            return Map.of();
        }
    }

    /**
     * The service log: the console receiver.
     *
     * @param level INFO or WARN
     * @param sendResolved whether resolved-only notifications are logged
     * @param templates a {@code text} template
     */
    record Log(String level, boolean sendResolved, Map<String, String> templates) implements ChannelConfig {

        public Log {
            templates = Map.copyOf(templates);
        }

        @Override
        public String kind() {
            return "log";
        }
    }
}
