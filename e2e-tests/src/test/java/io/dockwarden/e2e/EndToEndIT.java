package io.dockwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dockwarden.events.EventData;
import io.dockwarden.events.Topics;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.localstack.S3Endpoint;
import io.dockwarden.localstack.ServiceProcess;
import io.dockwarden.localstack.StackLayout;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import io.dockwarden.testsupport.http.WebhookReceiver;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The whole chain, as a platform team runs it: the four services as processes from their jars (the local stack's
 * launcher), a real KRaft broker, a real S3 server, the real Docker engine, a webhook receiver that verifies Standard
 * Webhooks signatures and a real SMTP server. The steps build on each other, so they run in order.
 */
@RequiresDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final Duration EVENT_TIMEOUT = Duration.ofMinutes(3);
    private static final String HOOK = "/hooks/dockwarden";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final EventCodec CODEC = new EventCodec("/e2e");

    private static final KafkaBroker broker = KafkaBroker.shared();
    private static final S3Server s3 = S3Server.shared();
    private static final DockerEngine engine = DockerEngine.local();
    private static final WebhookReceiver receiver = new WebhookReceiver();
    private static GreenMail smtp;
    private static StackServices stack;
    private static final Map<String, ServiceProcess> services = new TreeMap<>();
    private static TopicProbe events;
    private static long startedAt;

    private static String badContainer;
    private static String privilegedContainer;
    private static String publishedContainer;

    @BeforeAll
    static void startTheStack() throws IOException {
        startedAt = System.nanoTime();
        broker.createTopics(Topics.ALL.stream().filter(topic -> !Topics.isCompacted(topic)).toArray(String[]::new));
        broker.createCompactedTopic(Topics.CONTAINER_STATE, 3);
        s3.createBucket(StackServices.REPORTS_BUCKET);
        s3.createBucket(StackServices.BACKUPS_BUCKET);
        events = broker.probe(Topics.FINDINGS, Topics.REPORTS, Topics.BACKUP_EVENTS);

        smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String secret = WebhookReceiver.newSecret();
        receiver.expectSecrets(HOOK, secret);

        Path work = Files.createDirectories(Path.of("target", "e2e-" + RUN)).toAbsolutePath();
        Path routing = work.resolve("routing.yml");
        Files.writeString(routing, """
                route:
                  receiver: officers
                  group_by: [alertname, container]
                  group_wait: 2s
                  group_interval: 3s
                  repeat_interval: 1h
                receivers:
                - name: officers
                  webhook_configs:
                  - url: %s
                    secrets: [%s]
                  email_configs:
                  - to: [officer@example.org]
                    smarthost: 127.0.0.1:%d
                subscriptions:
                - name: officers
                  receiver: officers
                  min_severity: info
                """.formatted(receiver.url(HOOK), secret, smtp.getSmtp().getPort()));
        Path key = work.resolve("backup.key");
        Files.writeString(key, java.util.Base64.getEncoder().encodeToString(randomBytes(32)));

        StackLayout layout = new StackLayout(Path.of("..").toAbsolutePath().normalize(), work);
        stack = new StackServices(layout, broker.bootstrapServers(),
                new S3Endpoint(s3.endpoint(), s3.accessKey(), s3.secretKey()), engine.dockerHost(), key,
                engine.ensureTestImage(), Map.of(
                        StackServices.NOTIFICATION, Map.of("DOCKWARDEN_NOTIFICATION_ROUTING_FILE", routing.toString()),
                        StackServices.INVENTORY, Map.of("DOCKWARDEN_INVENTORY_HOST_ID", "e2e-" + RUN),
                        StackServices.BACKUP, Map.of("DOCKWARDEN_BACKUP_HOST_ID", "e2e-" + RUN)));
        services.put(StackServices.INVENTORY, stack.inventory(FreePorts.next()));
        services.put(StackServices.COMPLIANCE, stack.compliance(FreePorts.next()));
        services.put(StackServices.BACKUP, stack.backup(FreePorts.next()));
        services.put(StackServices.NOTIFICATION, stack.notification(FreePorts.next()));
        services.values().forEach(service -> service.start(jvmOptions()));
        for (ServiceProcess service : services.values()) {
            assertThat(service.awaitHealthy(Duration.ofMinutes(4)))
                    .as("%s healthy (log: %s)", service.name(), service.log()).isTrue();
        }
    }

    @AfterAll
    static void stopTheStack() {
        services.values().forEach(ServiceProcess::stop);
        if (events != null) {
            events.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        receiver.close();
        System.out.printf("End-to-end wall time: %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
    }

    @Test
    @Order(1)
    void aBadContainerOpensFindingsThatReachTheWebhookAndTheOfficersMailbox() throws Exception {
        badContainer = "e2e-bad-" + RUN;
        privilegedContainer = "e2e-privileged-" + RUN;
        publishedContainer = "e2e-published-" + RUN;
        // No memory limit and a writable root file system; started, without a network.
        engine.createAndStart(badContainer, create -> { });
        // Created only: the sandbox refuses to start privileged containers, and a published port needs a network.
        engine.createContainer(privilegedContainer, create -> create.getHostConfig().withPrivileged(true));
        engine.createContainer(publishedContainer, create -> create
                .withExposedPorts(ExposedPort.tcp(80))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("default").withPortBindings(
                        new Ports(ExposedPort.tcp(80), Ports.Binding.bindIpAndPort("0.0.0.0", FreePorts.next())))));

        awaitOpened(badContainer, "5.11");
        awaitOpened(badContainer, "5.13");
        awaitOpened(privilegedContainer, "5.5");
        awaitOpened(publishedContainer, "5.14");

        List<WebhookReceiver.Request> hooks = awaitHooks(request -> request.body().contains(badContainer), 1);
        assertThat(hooks).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
        JsonNode payload = EventJson.mapper().readTree(hooks.get(0).body());
        assertThat(payload.path("status").asText()).isEqualTo("firing");

        MimeMessage mail = awaitMail(badContainer);
        String content = mailText(mail);
        assertThat(mail.getContentType()).startsWith("multipart/");
        assertThat(content).contains("text/plain").contains("text/html");
    }

    @Test
    @Order(2)
    void removingTheContainerResolvesItsFindingsAndSaysSo() {
        int before = receiver.requests(HOOK).size();
        engine.removeContainerQuietly(badContainer);

        List<FindingResolved> resolved = await(FindingResolved.class,
                finding -> badContainer.equals(finding.containerName()), 2);
        assertThat(resolved).extracting(FindingResolved::reason).containsOnly("container-removed");
        awaitHooks(request -> receiver.requests(HOOK).indexOf(request) >= before
                && request.body().contains(badContainer) && request.body().contains("\"resolved\""), 1);
    }

    @Test
    @Order(3)
    void aVolumeIsBackedUpRestoredIntoANewVolumeAndVerified() throws Exception {
        String volume = engine.createVolume("e2e-data-" + RUN, Map.of("dockwarden.backup.enabled", "true"));
        String writer = engine.createContainer("e2e-writer-" + RUN, create -> create
                .withCmd("sh", "-c", "mkdir -p /data/docs && echo 'hello, auditors' > /data/docs/a.txt"
                        + " && dd if=/dev/urandom of=/data/random.bin bs=1024 count=512 2>/dev/null"
                        + " && ln -s docs/a.txt /data/link && chmod 600 /data/docs/a.txt")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withBinds(new Bind(volume, new Volume("/data")))));
        engine.client().startContainerCmd(writer).exec();
        engine.client().waitContainerCmd(writer).start().awaitStatusCode();

        JsonNode requested = post(StackServices.BACKUP, "/api/backups", "{\"volume\":\"" + volume + "\"}");
        String backupId = requested.path("id").asText();
        BackupCompleted completed = await(BackupCompleted.class, backup -> backup.volumeName().equals(volume), 1)
                .get(0);
        assertThat(completed.backupId()).isEqualTo(backupId);

        String target = "e2e-restored-" + RUN;
        post(StackServices.BACKUP, "/api/restores",
                "{\"backupId\":\"" + backupId + "\",\"targetVolume\":\"" + target + "\",\"mode\":\"new\"}");
        await(RestoreCompleted.class, restore -> restore.volumeName().equals(target), 1);
        assertThat(contentOf(target)).isEqualTo(contentOf(volume)).containsKey("docs/a.txt");

        post(StackServices.BACKUP, "/api/backups/" + backupId + "/verify", "{}");
        BackupVerified verified = await(BackupVerified.class, check -> check.backupId().equals(backupId), 1).get(0);
        assertThat(verified.ok()).as("verification: %s", verified).isTrue();
        engine.removeVolumeQuietly(target);
    }

    @Test
    @Order(4)
    void aReportIsArchivedInFourFormatsWithAnIntactChainAndTheDigestLinksWork() throws Exception {
        int before = receiver.requests(HOOK).size();
        post(StackServices.COMPLIANCE, "/api/reports", "{}");
        ReportPublished report = await(ReportPublished.class, published -> true, 1).get(0);

        assertThat(report.objects()).extracting(ReportPublished.ArchivedObject::format)
                .containsExactlyInAnyOrder("json", "csv", "html", "sarif");
        for (ReportPublished.ArchivedObject object : report.objects()) {
            assertThat(s3.objectKeys(report.bucket(), object.key())).containsExactly(object.key());
        }
        JsonNode chain = get(StackServices.COMPLIANCE, "/api/reports/verify");
        assertThat(chain.toString()).doesNotContain("broken");

        WebhookReceiver.Request digest = awaitHooks(request -> receiver.requests(HOOK).indexOf(request) >= before
                && request.body().contains(report.reportId()), 1).get(0);
        List<String> links = new ArrayList<>();
        EventJson.mapper().readTree(digest.body()).findValues("url").forEach(url -> links.add(url.asText()));
        assertThat(links).isNotEmpty();
        for (String link : links) {
            HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).as("download %s", link).isEqualTo(200);
            assertThat(download.body()).isNotEmpty();
        }
    }

    @Test
    @Order(5)
    void aNotificationServiceKilledMidwayLosesNothingAndDuplicatesNothing() throws Exception {
        ServiceProcess notification = services.get(StackServices.NOTIFICATION);
        notification.kill();
        String late = "e2e-late-" + RUN;
        engine.createContainer(late, create -> create.getHostConfig().withPrivileged(true));
        awaitOpened(late, "5.5");

        notification.start(jvmOptions());
        assertThat(notification.awaitHealthy(Duration.ofMinutes(3))).isTrue();
        awaitHooks(request -> request.body().contains(late), 1);

        List<String> ids = receiver.requests(HOOK).stream().filter(request -> request.status() == 200)
                .map(request -> request.header("webhook-id")).toList();
        assertThat(new HashSet<>(ids)).as("delivered webhook ids").hasSameSizeAs(ids);
    }

    private static void awaitOpened(String containerName, String checkId) {
        await(FindingOpened.class, finding -> containerName.equals(finding.containerName())
                && checkId.equals(finding.checkId()), 1);
    }

    /** Waits for {@code count} events of a type matching the predicate on the probed topics. */
    private static <T extends EventData> List<T> await(Class<T> type, Predicate<T> filter, int count) {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<T> matching = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : events.records()) {
                EventData data = decode(record);
                if (type.isInstance(data) && filter.test(type.cast(data))) {
                    matching.add(type.cast(data));
                }
            }
            if (matching.size() >= count) {
                return matching;
            }
            sleep(200);
        }
        throw new AssertionError("no " + count + " matching " + type.getSimpleName() + " within " + EVENT_TIMEOUT
                + "; service logs under " + stack.layout().logs());
    }

    private static EventData decode(ConsumerRecord<String, byte[]> record) {
        DecodeResult result = CODEC.decode(record.topic(), record.key(), TopicProbe.headers(record), record.value());
        return result instanceof DecodeResult.Accepted accepted ? accepted.envelope().data() : null;
    }

    private static List<WebhookReceiver.Request> awaitHooks(Predicate<WebhookReceiver.Request> filter, int count) {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<WebhookReceiver.Request> matching = receiver.requests(HOOK).stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(200);
        }
        throw new AssertionError("no webhook matching within " + EVENT_TIMEOUT + "; received "
                + receiver.requests(HOOK).size());
    }

    private static MimeMessage awaitMail(String mentioning) throws Exception {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (mailText(message).contains(mentioning)) {
                    return message;
                }
            }
            sleep(200);
        }
        throw new AssertionError("no e-mail mentioning " + mentioning + " within " + EVENT_TIMEOUT);
    }

    private static String mailText(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toString(StandardCharsets.UTF_8);
    }

    /** Path -> type, mode, size and SHA-256 of every entry of a volume, read through a helper container. */
    private static Map<String, String> contentOf(String volume) throws Exception {
        String reader = engine.createContainer("e2e-reader-" + volume + "-" + UUID.randomUUID().toString()
                .substring(0, 4), create -> create.withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                .withBinds(new Bind(volume, new Volume("/data"), com.github.dockerjava.api.model.AccessMode.ro))));
        Map<String, String> listing = new TreeMap<>();
        try (InputStream tar = engine.client().copyArchiveFromContainerCmd(reader, "/data/.").exec();
                TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                if (name.isEmpty() || name.equals(".")) {
                    continue;
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                if (entry.isFile()) {
                    sha.update(entries.readAllBytes());
                }
                listing.put(name, (entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l:" + entry.getLinkName()
                        : "f") + " " + Integer.toOctalString(entry.getMode() & 07777) + " " + entry.getLongUserId()
                        + ":" + entry.getLongGroupId() + " " + entry.getSize() + " "
                        + HexFormat.of().formatHex(sha.digest()));
            }
        } finally {
            engine.removeContainerQuietly(reader);
        }
        return listing;
    }

    private static JsonNode post(String service, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(service, path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s %s: %s", service, path, response.body()).isBetween(200, 299);
        return response.body().isBlank() ? EventJson.mapper().createObjectNode()
                : EventJson.mapper().readTree(response.body());
    }

    private static JsonNode get(String service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(service, path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s %s: %s", service, path, response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private static String url(String service, String path) {
        return "http://127.0.0.1:" + services.get(service).port() + path;
    }

    private static List<String> jvmOptions() {
        return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
