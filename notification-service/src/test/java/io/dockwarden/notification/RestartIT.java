package io.dockwarden.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.Topics;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.testsupport.http.WebhookReceiver.Reply;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.http.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What survives a restart: silences, and deliveries being retried. Each instance is a full application on the real
 * broker, closed as a stopping service would be, with topics and a consumer group of this test's own.
 */
class RestartIT {

    static final KafkaBroker BROKER = KafkaBroker.shared();
    static final WebhookReceiver RECEIVER = new WebhookReceiver();
    static final String SECRET = WebhookReceiver.newSecret();
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        BROKER.createTopics(Topics.FINDINGS, Topics.REPORTS, Topics.BACKUP_EVENTS, Topics.NOTIFICATION_ALERTS,
                Topics.NOTIFICATION_DELIVERIES);
        RECEIVER.expectSecrets("/restart-silenced", SECRET);
        RECEIVER.expectSecrets("/restart-retry", SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void silencesAndDeliveriesBeingRetriedSurviveARestart() throws Exception {
        Path routing = Files.createTempDirectory("dockwarden-restart-").resolve("routing.yml");
        Files.writeString(routing, """
                route:
                  receiver: log
                  group_by: [alertname, host]
                  group_wait: 1s
                  group_interval: 2s
                  routes:
                  - {matchers: ['host="it-restart-silenced"'], receiver: silenced}
                  - {matchers: ['host="it-restart-retry"'], receiver: retried}
                receivers:
                - name: silenced
                  webhook_configs: [{url: '%s', secrets: [%s]}]
                - name: retried
                  webhook_configs: [{url: '%s', secrets: [%s]}]
                """.formatted(RECEIVER.url("/restart-silenced"), SECRET, RECEIVER.url("/restart-retry"), SECRET));
        String silenceId;
        String deliveryId;
        RECEIVER.script("/restart-retry", failures(200));
        try (ConfigurableApplicationContext first = start(routing)) {
            HttpResponse<String> created = call(first, "POST", "/api/silences", """
                    {"matchers": [{"name": "host", "value": "it-restart-silenced", "isRegex": false},
                                  {"name": "check", "value": "5.5", "isRegex": false}],
                     "endsAt": "%s", "createdBy": "alice", "comment": "planned work"}
                    """.formatted(Instant.now().plus(Duration.ofHours(1))));
            assertThat(created.statusCode()).isEqualTo(201);
            silenceId = JSON.readTree(created.body()).get("id").asString();

            NotificationServiceIT.send(Events.findingOpened("it-restart-retry", "c1", "5.5", Severity.HIGH,
                    Instant.now()));
            List<WebhookReceiver.Request> failed = RECEIVER.await("/restart-retry", 2, Duration.ofSeconds(30));
            deliveryId = failed.get(0).header("webhook-id");
            assertThat(failed).allSatisfy(request -> assertThat(request.status()).isEqualTo(500));
        }
        int beforeRestart = RECEIVER.requests("/restart-retry").size();
        RECEIVER.script("/restart-retry");

        try (TopicProbe deliveries = BROKER.probe(Topics.NOTIFICATION_DELIVERIES);
                ConfigurableApplicationContext second = start(routing)) {
            List<WebhookReceiver.Request> after = RECEIVER.await("/restart-retry", beforeRestart, 1,
                    Duration.ofSeconds(60));
            assertThat(after.get(0).status()).isEqualTo(200);
            assertThat(after.get(0).header("webhook-id")).isEqualTo(deliveryId);
            assertThat(after.get(0).signatureValid()).isTrue();
            JsonNode receipt = JSON.readTree(deliveries.await(TopicProbe.withKey(deliveryId), 1,
                    Duration.ofSeconds(20)).get(0).value());
            assertThat(receipt.get("attempts").asInt()).isGreaterThanOrEqualTo(3);

            JsonNode silence = JSON.readTree(call(second, "GET", "/api/silences/" + silenceId, null).body());
            assertThat(silence.get("status").get("state").asString()).isEqualTo("active");
            Instant now = Instant.now();
            NotificationServiceIT.send(Events.findingOpened("it-restart-silenced", "c1", "5.5", Severity.HIGH, now));
            NotificationServiceIT.send(Events.findingOpened("it-restart-silenced", "c1", "5.6", Severity.HIGH, now));
            JsonNode alerts = JSON.readTree(RECEIVER.await("/restart-silenced", 1, Duration.ofSeconds(30)).get(0)
                    .body()).get("alerts");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).get("labels").get("check").asString()).isEqualTo("5.6");
            assertThat(call(second, "GET", "/api/deliveries?outcome=silenced", null).body()).contains(silenceId);
            assertThat(RECEIVER.requests("/restart-retry")).extracting(request -> request.header("webhook-id"))
                    .containsOnly(deliveryId);
        }
    }

    private static Reply[] failures(int count) {
        Reply[] replies = new Reply[count];
        java.util.Arrays.fill(replies, Reply.of(500));
        return replies;
    }

    /** Settings as command-line arguments, which (unlike default properties) win over application.yml. */
    private static ConfigurableApplicationContext start(Path routing) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", BROKER.bootstrapServers());
        properties.put("spring.cloud.stream.bindings.alertEvents-in-0.group", "restart-it-" + RUN);
        properties.put("dockwarden.notification.routing-file", routing.toString());
        properties.put("dockwarden.notification.topics.state", "restart-it-" + RUN + ".state");
        properties.put("dockwarden.notification.topics.silences", "restart-it-" + RUN + ".silences");
        properties.put("dockwarden.notification.topics.retries", "restart-it-" + RUN + ".retries");
        properties.put("dockwarden.notification.topics.retries-dead-letter", "restart-it-" + RUN + ".retries.dlq");
        properties.put("dockwarden.notification.topics.retry-group", "restart-it-" + RUN + "-retries");
        properties.put("dockwarden.notification.retry.initial-backoff", "700ms");
        properties.put("dockwarden.notification.retry.multiplier", "1");
        properties.put("dockwarden.notification.retry.jitter", "0");
        properties.put("dockwarden.notification.retry.max-attempts", "1000");
        String[] args = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationApplication.class).run(args);
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext context, String method, String path,
            String body) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
