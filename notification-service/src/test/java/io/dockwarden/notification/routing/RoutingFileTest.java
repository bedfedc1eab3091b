package io.dockwarden.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dockwarden.events.finding.Severity;
import io.dockwarden.notification.templates.NotificationTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingFileTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void readsReceiversOfEveryChannelAndSubscriptions(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("slack-url"), "https://hooks.example.org/services/T0/B0/secret\n");
        Path file = directory.resolve("routing.yml");
        Files.writeString(file, """
                route:
                  receiver: ops
                  group_by: [alertname, host]
                receivers:
                - name: ops
                  fallback: log
                  webhook_configs:
                  - url: https://ops.example.org/hook
                    secrets: [%s]
                    timeout: 3s
                    headers: {X-Team: ops}
                  slack_configs:
                  - url_file: slack-url
                    channel: '#ops'
                  email_configs:
                  - to: [a@example.org, b@example.org]
                    smarthost: smtp.example.org:587
                    auth_username: dockwarden
                    auth_password: hunter2
                    require_tls: true
                    subject_template: '{{title}}'
                  kafka_configs: [{}]
                subscriptions:
                - name: officers
                  receiver: ops
                  min_severity: high
                  hosts: [host-1]
                  checks: ['5.5']
                """.formatted(SECRET));

        RoutingConfig config = RoutingFile.load(file, NotificationTemplates::check);

        Receiver ops = config.receiver("ops").orElseThrow();
        assertThat(ops.fallback()).isEqualTo("log");
        assertThat(ops.integrations()).extracting(ChannelConfig::kind)
                .containsExactly("webhook", "slack", "email", "kafka");
        ChannelConfig.Webhook webhook = (ChannelConfig.Webhook) ops.integrations().get(0);
        assertThat(webhook.secrets()).extracting(secret -> secret.value()).containsExactly(SECRET);
        assertThat(webhook.headers()).containsEntry("X-Team", "ops");
        ChannelConfig.Slack slack = (ChannelConfig.Slack) ops.integrations().get(1);
        assertThat(slack.url().value()).isEqualTo("https://hooks.example.org/services/T0/B0/secret");
        ChannelConfig.Email email = (ChannelConfig.Email) ops.integrations().get(2);
        assertThat(email.to()).containsExactly("a@example.org", "b@example.org");
        assertThat(email.startTls()).isTrue();
        assertThat(email.templates()).containsKey("subject");
        assertThat(config.receivers()).containsKey("log");
        assertThat(config.subscriptions()).singleElement().satisfies(subscription -> {
            assertThat(subscription.minSeverity()).isEqualTo(Severity.HIGH);
            assertThat(subscription.covers("host-1", "5.5", Severity.CRITICAL)).isTrue();
            assertThat(subscription.covers("host-1", "5.5", Severity.MEDIUM)).isFalse();
            assertThat(subscription.covers("host-2", "5.5", Severity.CRITICAL)).isFalse();
        });
        assertThat(config.toString()).doesNotContain("hunter2", SECRET, "/B0/secret");
    }

    @Test
    void namesTheLineOfAnUnknownKey() {
        RoutingFileException problem = reject("""
                route:
                  receiver: log
                  routes:
                  - matchers: ['a="b"']
                    recevier: log
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.getMessage()).startsWith("routing.yml:5: unknown key 'recevier' in a route");
    }

    @Test
    void namesTheLineOfABadMatcher() {
        RoutingFileException problem = reject("""
                route:
                  receiver: log
                  routes:
                  - matchers:
                    - severity="critical"
                    - host=~"web-("
                """);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.reason()).contains("invalid regular expression");
    }

    @Test
    void rejectsARouteToAnUndefinedReceiver() {
        RoutingFileException problem = reject("""
                route:
                  receiver: log
                  routes:
                  - receiver: pager
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.reason()).contains("receiver 'pager' is not defined");
    }

    @Test
    void rejectsBadDurationsSecretsAndYaml() {
        assertThat(reject("route: {receiver: log, group_wait: soon}").reason()).contains("group_wait 'soon'");
        assertThat(reject("route: {receiver: log, group_interval: 0s}").reason()).contains("greater than zero");
        assertThat(reject("""
                route: {receiver: hook}
                receivers:
                - name: hook
                  webhook_configs: [{url: 'https://x.example.org', secrets: [plain]}]
                """).reason()).contains("whsec_");
        RoutingFileException yaml = reject("route:\n  receiver: [log\n");
        assertThat(yaml.reason()).startsWith("not valid YAML");
        assertThat(reject("route:\n  receiver: log\n  matchers: ['a=\"b\"']\n").reason())
                .contains("root route must not have matchers");
        assertThat(reject("receivers: []\n").reason()).contains("no 'route'");
    }

    @Test
    void aBadTemplateIsRejectedAtLoad() {
        RoutingFileException problem = reject("""
                route: {receiver: hook}
                receivers:
                - name: hook
                  log_configs:
                  - text_template: '{{#alerts}}unclosed'
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.reason()).startsWith("template text:");
    }

    private static RoutingFileException reject(String yaml) {
        return catchThrowableOfType(RoutingFileException.class,
                () -> RoutingFile.parse("routing.yml", yaml, null, NotificationTemplates::check));
    }
}
