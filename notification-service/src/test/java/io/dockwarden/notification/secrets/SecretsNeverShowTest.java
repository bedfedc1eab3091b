package io.dockwarden.notification.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.notification.config.NotificationProperties;
import io.dockwarden.notification.routing.ChannelConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsNeverShowTest {

    private static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void configurationRecordsMaskTheirSecrets() {
        NotificationProperties properties = new NotificationProperties(Path.of("routing.yml"), Duration.ofSeconds(5),
                List.of("dockwarden.compliance.findings"), new NotificationProperties.Topics("s", "si", "r", "r.dlq",
                        3, "g"), Duration.ofMinutes(5), List.of(),
                new NotificationProperties.Retry(Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0.2, 10,
                        Duration.ofHours(24), Duration.ofHours(1)),
                new NotificationProperties.Http(Duration.ofSeconds(5), Duration.ofSeconds(10)), Map.of(),
                new NotificationProperties.Email("smtp.example.org", 587, "dockwarden", new Secret("smtp-hunter2"),
                        "dockwarden@example.org", true, false, Duration.ofSeconds(10)),
                new NotificationProperties.Archive("http://127.0.0.1:9000", "us-east-1", "access",
                        new Secret("s3-very-secret"), Duration.ofDays(7), Set.of("html")),
                1000, Duration.ofDays(5), Duration.ofMinutes(2));
        ChannelConfig.Webhook webhook = new ChannelConfig.Webhook(URI.create("https://hooks.example.org/x"),
                List.of(new Secret(WEBHOOK_SECRET)), null, Map.of(), true, Map.of());
        ChannelConfig.Slack slack = new ChannelConfig.Slack(new Secret("https://hooks.slack.example/T0/B0/tok3n"),
                null, false, Map.of());

        assertThat(properties.toString()).doesNotContain("smtp-hunter2", "s3-very-secret").contains(Secret.MASK);
        assertThat(webhook.toString()).doesNotContain(WEBHOOK_SECRET, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(slack.toString()).doesNotContain("tok3n");
    }

    @Test
    void theRedactorRemovesSecretsInEveryFormTheyTravel() {
        SecretRedactor redactor = SecretRedactor.of(List.of(new Secret(WEBHOOK_SECRET),
                new Secret("https://hooks.slack.example/services/T0/B0/tok3n"), new Secret("smtp-hunter2")));

        String text = redactor.redact("failed " + WEBHOOK_SECRET + " key MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw path"
                + " /services/T0/B0/tok3n password smtp-hunter2 url https://user:pw@example.org/a?token=abc");

        assertThat(text).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "tok3n", "hunter2", "user:pw", "abc");
    }
}
