package io.dockwarden.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.Rejection;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.testsupport.http.WebhookReceiver.Reply;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import io.dockwarden.testsupport.http.WebhookReceiver;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real broker, a real SMTP server, a real S3 server and a real HTTP receiver that verifies
 * every signature. Each test uses hosts of its own, which the routing file sends to receivers of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NotificationServiceIT {

    static final KafkaBroker BROKER = KafkaBroker.shared();
    static final WebhookReceiver RECEIVER = new WebhookReceiver();
    static final S3Server S3 = S3Server.shared();
    static final int SMTP_PORT = FreePorts.next();
    static final String SMTP_PASSWORD = "smtp-" + WebhookReceiver.newSecret().substring(6, 20);
    static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("dockwarden", SMTP_PASSWORD));
    static final String OLD_SECRET = WebhookReceiver.newSecret();
    static final String SECRET = WebhookReceiver.newSecret();
    static final String WRONG_SECRET = WebhookReceiver.newSecret();
    static final String SLACK_TOKEN = "slk" + Long.toHexString(System.nanoTime());
    static final String BUCKET = "it-reports";
    static final Path ROUTING = routingFile();
    static final String ROUTING_YAML = routingYaml();
    static final EventCodec COMPLIANCE = new EventCodec("/dockwarden/compliance");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        BROKER.createTopics(Topics.FINDINGS, Topics.REPORTS, Topics.BACKUP_EVENTS, Topics.NOTIFICATION_ALERTS,
                Topics.NOTIFICATION_DELIVERIES, "dockwarden.notification.retries.dlq");
        MAIL.start();
        S3.createBucket(BUCKET);
        for (String path : List.of("/flaky", "/ratelimited", "/missing", "/fallback", "/grouped", "/quick",
                "/silenced", "/digest", "/reloaded")) {
            RECEIVER.expectSecrets(path, SECRET);
        }
        // The service signs with the wrong secret for this path: the receiver must catch it.
        RECEIVER.expectSecrets("/wrongsecret", SECRET);
        write(ROUTING, ROUTING_YAML);
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("dockwarden.notification.routing-file", ROUTING::toString);
        registry.add("dockwarden.notification.routing-reload-interval", () -> "300ms");
        registry.add("dockwarden.notification.retry.initial-backoff", () -> "300ms");
        registry.add("dockwarden.notification.retry.jitter", () -> "0");
        registry.add("dockwarden.notification.retry.max-attempts", () -> "4");
        registry.add("dockwarden.notification.email.host", () -> "127.0.0.1");
        registry.add("dockwarden.notification.email.port", () -> SMTP_PORT);
        registry.add("dockwarden.notification.email.username", () -> "dockwarden");
        registry.add("dockwarden.notification.email.password", () -> SMTP_PASSWORD);
        registry.add("dockwarden.notification.email.from", () -> "dockwarden@example.org");
        registry.add("dockwarden.notification.archive.endpoint", S3::endpoint);
        registry.add("dockwarden.notification.archive.access-key", S3::accessKey);
        registry.add("dockwarden.notification.archive.secret-key", S3::secretKey);
        registry.add("dockwarden.notification.archive.link-expiry", () -> "1h");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Test
    void startsHealthyAgainstARealBroker() throws Exception {
        JsonNode health = JSON.readTree(get("/actuator/health").body());

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("routing").get("details").get("receivers").asInt()).isGreaterThan(5);
        assertThat(health.get("components").get("smtp").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("archive").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void receiverErrorsAreRetriedAndDeliveredOnceWithOneWebhookId() throws Exception {
        RECEIVER.script("/flaky", Reply.of(500), Reply.of(500));
        int seen = RECEIVER.requests("/flaky").size();
        try (TopicProbe deliveries = BROKER.probe(Topics.NOTIFICATION_DELIVERIES)) {
            send(Events.findingOpened("it-flaky", "c1", "5.5", Severity.HIGH, Instant.now()));

            List<WebhookReceiver.Request> requests = RECEIVER.await("/flaky", seen, 3, Duration.ofSeconds(30));
            assertThat(requests).extracting(WebhookReceiver.Request::status).containsExactly(500, 500, 200);
            assertThat(requests).allSatisfy(request -> {
                assertThat(request.signatureValid()).isTrue();
                assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
            });
            assertThat(requests).extracting(request -> request.header("webhook-id")).containsOnly(
                    requests.get(0).header("webhook-id"));
            JsonNode body = JSON.readTree(requests.get(2).body());
            assertThat(body.get("status").asString()).isEqualTo("firing");
            assertThat(body.get("alerts")).hasSize(1);
            assertThat(body.get("alerts").get(0).get("labels").get("host").asString()).isEqualTo("it-flaky");

            String id = requests.get(0).header("webhook-id");
            ConsumerRecord<String, byte[]> receipt = deliveries.await(TopicProbe.withKey(id), 1,
                    Duration.ofSeconds(20)).get(0);
            assertThat(TopicProbe.header(receipt, "ce_type")).isEqualTo("io.dockwarden.notification.delivered.v1");
            assertThat(JSON.readTree(receipt.value()).get("attempts").asInt()).isEqualTo(3);
            assertThat(deliveries.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(5)))
                    .filteredOn(record -> id.equals(record.key())).hasSize(1);
        }
        assertThat(RECEIVER.requests("/flaky")).hasSize(seen + 3);
    }

    @Test
    void retryAfterIsWaitedOut() {
        RECEIVER.script("/ratelimited", new Reply(429, Map.of("Retry-After", "2")));

        send(Events.findingOpened("it-ratelimited", "c1", "5.5", Severity.HIGH, Instant.now()));

        List<WebhookReceiver.Request> requests = RECEIVER.await("/ratelimited", 2, Duration.ofSeconds(30));
        assertThat(requests).extracting(WebhookReceiver.Request::status).containsExactly(429, 200);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1950));
        assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
    }

    @Test
    void aNotFoundFailsAtOnceIntoTheDeadLetterTopicWithAFailedEventAndTheFallback() throws Exception {
        RECEIVER.script("/missing", Reply.of(404));
        int seen = RECEIVER.requests("/missing").size();
        int fallbacksSeen = RECEIVER.requests("/fallback").size();
        try (TopicProbe deliveries = BROKER.probe(Topics.NOTIFICATION_DELIVERIES);
                TopicProbe deadLetters = BROKER.probe("dockwarden.notification.retries.dlq")) {
            send(Events.findingOpened("it-missing", "c1", "5.5", Severity.HIGH, Instant.now()));

            String id = RECEIVER.await("/missing", seen, 1, Duration.ofSeconds(30)).get(0).header("webhook-id");
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.await(TopicProbe.withKey(id), 1,
                    Duration.ofSeconds(20)).get(0);
            assertThat(TopicProbe.header(deadLetter, Rejection.REASON_HEADER)).isEqualTo("DELIVERY_FAILED");
            assertThat(TopicProbe.header(deadLetter, Rejection.DETAIL_HEADER)).contains("HTTP 404", "not retryable");
            JsonNode failed = JSON.readTree(deliveries.await(TopicProbe.ofType(
                    "io.dockwarden.notification.failed.v1").and(TopicProbe.withKey(id)), 1, Duration.ofSeconds(20))
                    .get(0).value());
            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
            assertThat(failed.get("reason").asString()).contains("HTTP 404");
            assertThat(failed.get("fallbackReceiver").asString()).isEqualTo("fallback");
            JsonNode fallback = JSON.readTree(RECEIVER.await("/fallback", fallbacksSeen, 1, Duration.ofSeconds(20))
                    .get(0).body());
            assertThat(fallback.get("alerts").get(0).get("labels").get("host").asString()).isEqualTo("it-missing");
        }
        assertThat(RECEIVER.requests("/missing")).hasSize(seen + 1);
    }

    @Test
    void aWrongSecretInTheServiceIsCaughtByTheReceiver() throws Exception {
        int seen = RECEIVER.requests("/wrongsecret").size();
        try (TopicProbe deliveries = BROKER.probe(Topics.NOTIFICATION_DELIVERIES)) {
            send(Events.findingOpened("it-wrongsecret", "c1", "5.5", Severity.HIGH, Instant.now()));

            WebhookReceiver.Request request = RECEIVER.await("/wrongsecret", seen, 1, Duration.ofSeconds(30))
                    .get(0);
            assertThat(request.signatureValid()).isFalse();
            assertThat(request.status()).isEqualTo(401);
            JsonNode failed = JSON.readTree(deliveries.await(TopicProbe.withKey(request.header("webhook-id")), 1,
                    Duration.ofSeconds(20)).get(0).value());
            assertThat(failed.get("reason").asString()).contains("HTTP 401");
        }
    }

    @Test
    void fiftyFindingsWithinGroupWaitMakeOneNotificationListingAllFifty() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 50; i++) {
            send(Events.findingOpened("it-grouped", "c" + i, "5.5", Severity.HIGH, now));
        }

        WebhookReceiver.Request request = RECEIVER.await("/grouped", 1, Duration.ofSeconds(30)).get(0);
        JsonNode alerts = JSON.readTree(request.body()).get("alerts");
        assertThat(alerts).hasSize(50);
        List<String> containers = new ArrayList<>();
        alerts.forEach(alert -> containers.add(alert.get("labels").get("container").asString()));
        assertThat(containers).doesNotHaveDuplicates().contains("c0", "c49");
        assertThat(RECEIVER.requests("/grouped")).hasSize(1);
    }

    @Test
    void anAlertThatResolvesWithinGroupWaitSendsNothing() throws Exception {
        Instant now = Instant.now();
        send(Events.findingOpened("it-quick", "gone", "5.5", Severity.HIGH, now));
        send(Events.findingResolved("it-quick", "gone", "5.5", Severity.HIGH, now.plusMillis(10)));
        send(Events.findingOpened("it-quick", "stays", "5.5", Severity.HIGH, now.plusMillis(20)));

        List<String> containers = new ArrayList<>();
        for (WebhookReceiver.Request request : RECEIVER.await("/quick", 1, Duration.ofSeconds(30))) {
            JSON.readTree(request.body()).get("alerts").forEach(alert -> containers.add(alert.get("labels")
                    .get("container").asString()));
        }

        assertThat(containers).contains("stays").doesNotContain("gone");
    }

    @Test
    void aSilenceSuppressesMatchingAlertsAndTheDeliveryLogSaysSo() throws Exception {
        HttpResponse<String> created = send("POST", "/api/silences", """
                {"matchers": [{"name": "host", "value": "it-silenced", "isRegex": false},
                              {"name": "check", "value": "5\\\\.5", "isRegex": true}],
                 "endsAt": "%s", "createdBy": "alice", "comment": "maintenance window"}
                """.formatted(Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.statusCode()).isEqualTo(201);
        String silenceId = JSON.readTree(created.body()).get("id").asString();
        assertThat(get("/api/silences?state=active").body()).contains(silenceId);

        Instant now = Instant.now();
        send(Events.findingOpened("it-silenced", "c1", "5.5", Severity.CRITICAL, now));
        send(Events.findingOpened("it-silenced", "c1", "5.6", Severity.CRITICAL, now));

        JsonNode alerts = JSON.readTree(RECEIVER.await("/silenced", 1, Duration.ofSeconds(30)).get(0).body())
                .get("alerts");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("labels").get("check").asString()).isEqualTo("5.6");
        JsonNode silenced = JSON.readTree(get("/api/deliveries?outcome=silenced&receiver=silenced").body());
        assertThat(silenced).hasSize(1);
        assertThat(silenced.get(0).get("reason").asString()).contains(silenceId);

        HttpResponse<String> expired = send("DELETE", "/api/silences/" + silenceId, null);
        assertThat(JSON.readTree(expired.body()).get("status").get("state").asString()).isEqualTo("expired");
        assertThat(send("POST", "/api/silences", "{\"matchers\": [], \"endsAt\": \"2099-01-01T00:00:00Z\","
                + " \"createdBy\": \"a\", \"comment\": \"c\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void anEmailArrivesWithPlainTextAndHtmlParts() throws Exception {
        send(Events.findingOpened("it-mail", "c1", "5.5", Severity.CRITICAL, Instant.now()));

        MimeMessage message = awaitMail("it-mail");
        assertThat(message.getSubject()).startsWith("[Dockwarden] [FIRING:1] CIS 5.5");
        assertThat(message.getHeader("X-Dockwarden-Delivery-Id")).isNotEmpty();
        List<String> types = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        collectParts((Multipart) message.getContent(), types, contents);
        assertThat(types).anyMatch(type -> type.startsWith("text/plain")).anyMatch(type -> type.startsWith(
                "text/html"));
        assertThat(String.join("\n", contents)).contains("Remediation:", "<!DOCTYPE html>");
    }

    @Test
    void aSlackStyleWebhookGetsTextAndBlocks() throws Exception {
        send(Events.findingOpened("it-slack", "c1", "5.5", Severity.HIGH, Instant.now()));

        JsonNode body = JSON.readTree(RECEIVER.await("/slack/T000/B000/" + SLACK_TOKEN, 1, Duration.ofSeconds(30))
                .get(0).body());

        assertThat(body.get("text").asString()).contains("CIS 5.5");
        assertThat(body.get("blocks").get(0).get("type").asString()).isEqualTo("header");
        assertThat(body.get("blocks").get(1).get("text").get("text").asString()).contains("it-slack");
    }

    @Test
    void theKafkaChannelPublishesNormalisedAlerts() throws Exception {
        try (TopicProbe alerts = BROKER.probe(Topics.NOTIFICATION_ALERTS)) {
            send(Events.findingOpened("it-kafka", "c1", "5.5", Severity.MEDIUM, Instant.now()));

            ConsumerRecord<String, byte[]> record = alerts.await(r -> TopicProbe.value(r).contains("it-kafka"), 1,
                    Duration.ofSeconds(30)).get(0);
            JsonNode alert = JSON.readTree(record.value());
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("io.dockwarden.alert.published.v1");
            assertThat(record.key()).isEqualTo(alert.get("fingerprint").asString());
            assertThat(alert.get("status").asString()).isEqualTo("firing");
            assertThat(alert.get("receiver").asString()).isEqualTo("kafka");
            assertThat(alert.get("labels").get("check").asString()).isEqualTo("5.5");
        }
    }

    @Test
    void aReportDigestReachesSubscribersWithTheirFiltersAndWorkingLinks() throws Exception {
        Instant now = Instant.now();
        send(Events.findingOpened("it-digest-a", "c1", "5.5", Severity.CRITICAL, now));
        send(Events.findingOpened("it-digest-a", "c1", "4.1", Severity.LOW, now));
        send(Events.findingOpened("it-digest-b", "c1", "5.5", Severity.CRITICAL, now));
        String reportId = "it-report-" + System.nanoTime();
        List<ReportPublished.ArchivedObject> objects = new ArrayList<>();
        for (String format : List.of("json", "html", "csv", "sarif")) {
            byte[] content = (format + " of " + reportId).getBytes(StandardCharsets.UTF_8);
            String key = "reports/" + reportId + "." + format;
            try (MinioClient client = S3.client()) {
                client.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                        .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
            }
            objects.add(new ReportPublished.ArchivedObject(format, key, "d".repeat(64), content.length));
        }
        EncodedEvent report = COMPLIANCE.encode(Events.report(reportId, now.plusSeconds(1), 81.5, 3, BUCKET,
                objects));

        BROKER.send(report);
        BROKER.send(report);

        JsonNode digest = JSON.readTree(RECEIVER.await("/digest", 1, Duration.ofSeconds(30)).get(0).body())
                .get("digest");
        assertThat(digest.get("reportId").asString()).isEqualTo(reportId);
        assertThat(digest.get("scorePercent").asDouble()).isEqualTo(81.5);
        List<String> changed = new ArrayList<>();
        digest.get("changes").forEach(change -> changed.add(change.get("hostId").asString() + " "
                + change.get("checkId").asString()));
        assertThat(changed).contains("it-digest-a 5.5").doesNotContain("it-digest-a 4.1", "it-digest-b 5.5");
        assertThat(digest.get("links")).hasSize(3);
        for (JsonNode link : digest.get("links")) {
            HttpResponse<String> download = HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(link.get("format").asString() + " of " + reportId);
        }
        MimeMessage mail = awaitMail(reportId);
        assertThat(mail.getSubject()).contains("Compliance report " + reportId, "81.5%");
        RECEIVER.await("/digest", 1, Duration.ofSeconds(5));
        assertThat(awaitDeliveryLog(reportId, 2)).isEqualTo(2);
        assertThat(RECEIVER.requests("/digest")).hasSize(1);
    }

    @Test
    void secretsNeverAppearInLogsEventsOrTheDeliveryLog(CapturedOutput output) throws Exception {
        RECEIVER.script("/missing", Reply.of(404));
        try (TopicProbe deliveries = BROKER.probe(Topics.NOTIFICATION_DELIVERIES)) {
            send(Events.findingOpened("it-missing", "c-secret", "5.5", Severity.HIGH, Instant.now()));
            send(Events.findingOpened("it-wrongsecret", "c-secret", "5.5", Severity.HIGH, Instant.now()));

            List<ConsumerRecord<String, byte[]>> failed = deliveries.await(TopicProbe.ofType(
                    "io.dockwarden.notification.failed.v1"), 2, Duration.ofSeconds(30));
            String deliveryLog = get("/api/deliveries?limit=1000").body();
            String events = String.join("\n", failed.stream().map(TopicProbe::value).toList());
            for (String secret : List.of(SECRET, OLD_SECRET, WRONG_SECRET, SECRET.substring(6),
                    WRONG_SECRET.substring(6), SLACK_TOKEN, SMTP_PASSWORD, S3.secretKey())) {
                assertThat(events).doesNotContain(secret);
                assertThat(deliveryLog).doesNotContain(secret);
                assertThat(output.getAll()).doesNotContain(secret);
            }
            assertThat(events).contains("HTTP 404");
        }
    }

    @Test
    void anInvalidRoutingFileIsRejectedWithItsLineAndTheLastGoodTreeStays() throws Exception {
        try {
            write(ROUTING, ROUTING_YAML.replace("  group_interval: 2s\n", "  group_interval: 2s\n  grup_by: [x]\n"));

            JsonNode routing = awaitRoutingHealth(details -> details.has("lastRejected"));
            assertThat(routing.get("lastRejected").asString()).startsWith(ROUTING + ":6: unknown key 'grup_by'");
            assertThat(get("/api/routing").body()).contains("\"flaky\"", "\"wrongsecret\"");
        } finally {
            write(ROUTING, ROUTING_YAML);
        }
        awaitRoutingHealth(details -> !details.has("lastRejected"));
        send(Events.findingOpened("it-reloaded", "c1", "5.5", Severity.HIGH, Instant.now()));
        RECEIVER.await("/reloaded", 1, Duration.ofSeconds(30));
    }

    private JsonNode awaitRoutingHealth(java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode details = null;
        while (System.nanoTime() < deadline) {
            details = JSON.readTree(get("/actuator/health").body()).get("components").get("routing").get("details");
            if (condition.test(details)) {
                return details;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("routing health never matched; last: " + details);
    }

    private int awaitDeliveryLog(String reportId, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int found = 0;
        while (System.nanoTime() < deadline) {
            found = JSON.readTree(get("/api/deliveries?receiver=officers&outcome=delivered&fingerprint=report/"
                    + reportId).body()).size();
            if (found >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }

    private static MimeMessage awaitMail(String needle) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                List<String> contents = new ArrayList<>();
                collectParts((Multipart) message.getContent(), new ArrayList<>(), contents);
                if (message.getSubject().contains(needle) || String.join("", contents).contains(needle)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail mentioning " + needle);
    }

    private static void collectParts(Multipart multipart, List<String> types, List<String> contents)
            throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collectParts(nested, types, contents);
            } else {
                types.add(part.getContentType().toLowerCase(java.util.Locale.ROOT));
                contents.add(part.getContent().toString());
            }
        }
    }

    static void send(EventData data) {
        BROKER.send(COMPLIANCE.encode(data));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path routingFile() {
        try {
            return Files.createTempDirectory("dockwarden-routing-").resolve("routing.yml");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String routingYaml() {
        StringBuilder yaml = new StringBuilder("""
                route:
                  receiver: log
                  group_by: [alertname, host]
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 1h
                  routes:
                """);
        for (String receiver : List.of("flaky", "ratelimited", "missing", "wrongsecret", "grouped", "quick",
                "silenced", "slack", "mail", "kafka", "reloaded")) {
            yaml.append("  - matchers: ['host=\"it-").append(receiver).append("\"']\n")
                    .append("    receiver: ").append(receiver).append('\n');
            if (receiver.equals("grouped") || receiver.equals("quick")) {
                yaml.append("    group_wait: 4s\n");
            }
        }
        yaml.append("receivers:\n");
        for (String receiver : List.of("ratelimited", "fallback", "grouped", "quick", "silenced", "reloaded")) {
            yaml.append(webhook(receiver, receiver, SECRET));
        }
        yaml.append(webhook("flaky", "flaky", OLD_SECRET + ", " + SECRET));
        yaml.append(webhook("missing", "missing", SECRET)).append("  fallback: fallback\n");
        yaml.append(webhook("wrongsecret", "wrongsecret", WRONG_SECRET));
        yaml.append("""
                - name: slack
                  slack_configs: [{url: '%s', channel: '#ops'}]
                - name: mail
                  email_configs: [{to: officer@example.org}]
                - name: kafka
                  kafka_configs: [{}]
                - name: officers
                  email_configs: [{to: officer@example.org}]
                  webhook_configs: [{url: '%s', secrets: [%s]}]
                subscriptions:
                - name: officers
                  receiver: officers
                  min_severity: high
                  hosts: [it-digest-a]
                """.formatted(RECEIVER.url("/slack/T000/B000/" + SLACK_TOKEN), RECEIVER.url("/digest"), SECRET));
        return yaml.toString();
    }

    private static String webhook(String name, String path, String secrets) {
        return "- name: " + name + "\n  webhook_configs: [{url: '" + RECEIVER.url("/" + path) + "', secrets: ["
                + secrets + "]}]\n";
    }
}
