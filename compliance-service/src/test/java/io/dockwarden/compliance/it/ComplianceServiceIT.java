package io.dockwarden.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.policy.PolicyWatcher;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.events.codec.Rejection;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.HostSnapshots;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.testsupport.kafka.KafkaBroker;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service against a real broker and a real S3 server: snapshots in, finding events out, waivers, expiry,
 * dead letters, reports with a verifiable hash chain, and the REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceServiceIT {

    private static final KafkaBroker BROKER = KafkaBroker.shared();
    private static final S3Server S3 = S3Server.shared();
    private static final String BUCKET = "compliance-it-" + Long.toHexString(System.nanoTime());
    private static Path policyDirectory;
    private static TopicProbe findings;

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    @Autowired
    PolicyWatcher policyWatcher;

    private final Inventory inventory = new Inventory(BROKER);
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void topics() throws IOException, InterruptedException {
        BROKER.createTopics(Topics.CONTAINER_EVENTS, Topics.HOST_EVENTS, Topics.FINDINGS,
                Topics.deadLetterOf(Topics.CONTAINER_EVENTS));
        BROKER.createTopics(1, Topics.REPORTS);
        findings = Findings.probe(BROKER, false, Topics.FINDINGS);
        policyDirectory = Files.createTempDirectory("compliance-policy-");
        Files.createDirectories(policyDirectory.resolve("rules"));
        Files.writeString(policyDirectory.resolve("waivers.yaml"), "waivers: []\n");
    }

    @AfterAll
    static void closeProbe() {
        findings.close();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("dockwarden.compliance.s3.endpoint", S3::endpoint);
        registry.add("dockwarden.compliance.s3.access-key", S3::accessKey);
        registry.add("dockwarden.compliance.s3.secret-key", S3::secretKey);
        registry.add("dockwarden.compliance.reports.bucket", () -> BUCKET);
        registry.add("dockwarden.compliance.reports.scheduled", () -> "false");
        registry.add("dockwarden.compliance.rules.directory", () -> policyDirectory.resolve("rules").toString());
        registry.add("dockwarden.compliance.waivers.file", () -> policyDirectory.resolve("waivers.yaml").toString());
        registry.add("dockwarden.stream.retry.initial-interval", () -> "200ms");
        registry.add("dockwarden.stream.retry.max-attempts", () -> "3");
    }

    private static String host() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String key(String hostId, String containerId, String checkId) {
        return hostId + "/" + containerId + "/" + checkId;
    }

    private static ContainerSnapshot writableRoot() {
        return ContainerSnapshotBuilder.from(ContainerSnapshots.hardened()).readonlyRootfs(false).build();
    }

    private double applied() {
        return registry.get("dockwarden.compliance.events").tag("subject", "container").tag("disposition", "applied")
                .counter().count();
    }

    /** Waits until the service applied {@code count} more container events than {@code before}. */
    private void awaitApplied(double before, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Findings.TIMEOUT.toNanos();
        while (applied() < before + count) {
            assertThat(System.nanoTime()).as("container events applied").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    @Test
    void opensWithEvidenceStaysQuietOnTheSameSnapshotAndResolvesWhenFixed() throws Exception {
        String hostId = host();
        inventory.host(hostId, HostSnapshots.hardened());
        inventory.container(hostId, "c1", writableRoot());
        FindingOpened opened = Findings.await(findings, FindingOpened.class, key(hostId, "c1", "5.13"));
        assertThat(opened.evidence()).containsExactly(new Evidence("HostConfig.ReadonlyRootfs", "false", "true"));
        assertThat(opened.benchmark()).isEqualTo("CIS Docker Benchmark v1.6.0");
        assertThat(opened.containerName()).isEqualTo("shop-api");
        assertThat(opened.reason()).isEqualTo("failed");
        findings.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));
        int before = Findings.events(findings, hostId).size();

        double applied = applied();
        inventory.container(hostId, "c1", writableRoot());
        awaitApplied(applied, 1);
        findings.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertThat(Findings.events(findings, hostId)).hasSize(before);

        inventory.container(hostId, "c1", ContainerSnapshots.hardened());
        FindingResolved resolved = Findings.await(findings, FindingResolved.class, key(hostId, "c1", "5.13"));
        assertThat(resolved.reason()).isEqualTo("passed");
        assertThat(resolved.findingId()).isEqualTo(opened.findingId());
    }

    @Test
    void aLabelWaiverWaivesAndTheFindingReopensAtItsExpiryWithoutANewEvent() {
        String hostId = host();
        inventory.host(hostId, HostSnapshots.hardened());
        Instant expiry = Instant.now().plusSeconds(6);
        inventory.container(hostId, "c2", ContainerSnapshotBuilder.from(writableRoot())
                .label("dockwarden.waive.5.13", "Writes its cache to the root file system until 2.5 ships")
                .label("dockwarden.waive.5.13.expires", expiry.toString()).build());
        FindingWaived waived = Findings.await(findings, FindingWaived.class, key(hostId, "c2", "5.13"));
        assertThat(waived.waiver().source()).isEqualTo("label");
        assertThat(waived.waiver().reference()).isEqualTo("dockwarden.waive.5.13");
        assertThat(waived.waiver().expiresAt()).isEqualTo(expiry);

        FindingOpened reopened = Findings.await(findings, FindingOpened.class, key(hostId, "c2", "5.13"), 1);
        assertThat(reopened.reason()).isEqualTo("waiver-expired");
        assertThat(reopened.openedAt()).isEqualTo(expiry);
        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
    }

    @Test
    void aRemovedContainersFindingsResolve() {
        String hostId = host();
        inventory.container(hostId, "c3", ContainerSnapshots.privileged());
        Findings.await(findings, FindingOpened.class, key(hostId, "c3", "5.5"));
        findings.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));
        long open = Findings.events(findings, hostId).stream().filter(FindingOpened.class::isInstance).count();

        inventory.removed(hostId, "c3", "debug-shell");
        List<ConsumerRecord<String, byte[]>> resolved = findings.await(Findings.about(hostId)
                .and(TopicProbe.ofType(EventCatalog.FINDING_RESOLVED.type())), (int) open, Findings.TIMEOUT);
        assertThat(resolved).map(Findings::parse).allSatisfy(event ->
                assertThat(((FindingResolved) event).reason()).isEqualTo("container-removed"));
    }

    @Test
    void malformedAndSchemaInvalidInputGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        String hostId = host();
        String dlq = Topics.deadLetterOf(Topics.CONTAINER_EVENTS);
        try (TopicProbe deadLetters = Findings.probe(BROKER, false, dlq)) {
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("ce_id", "bad-1".getBytes(StandardCharsets.UTF_8));
            headers.put("ce_source", "/dockwarden/inventory/it".getBytes(StandardCharsets.UTF_8));
            headers.put("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            headers.put("ce_type", EventCatalog.CONTAINER_OBSERVED.type().getBytes(StandardCharsets.UTF_8));
            headers.put("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            headers.put("ce_subject", (hostId + "/bad").getBytes(StandardCharsets.UTF_8));
            BROKER.sendRaw(Topics.CONTAINER_EVENTS, hostId + "/bad", headers,
                    "{\"hostId\": ".getBytes(StandardCharsets.UTF_8));
            headers.put("ce_id", "bad-2".getBytes(StandardCharsets.UTF_8));
            BROKER.sendRaw(Topics.CONTAINER_EVENTS, hostId + "/bad", headers,
                    ("{\"hostId\":\"" + hostId + "\",\"containerId\":\"bad\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}")
                            .getBytes(StandardCharsets.UTF_8));
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(TopicProbe.withKey(hostId + "/bad"), 2,
                    Findings.TIMEOUT);
            assertThat(dead).map(record -> TopicProbe.header(record, Rejection.REASON_HEADER))
                    .containsExactly("MALFORMED_JSON", "SCHEMA_VIOLATION");
            assertThat(TopicProbe.header(dead.get(1), Rejection.DETAIL_HEADER)).contains("snapshot");
        }
        inventory.container(hostId, "after-bad", writableRoot());
        Findings.await(findings, FindingOpened.class, key(hostId, "after-bad", "5.13"));
    }

    @Test
    void customRulesAndCentralWaiversAreReloadedAndApplied() throws Exception {
        String hostId = host();
        inventory.host(hostId, HostSnapshots.hardened());
        Files.writeString(policyDirectory.resolve("rules").resolve("acme.yaml"), """
                rules:
                  - id: ACME-TEAM
                    title: Containers name their owning team
                    severity: low
                    remediation: Add the label com.acme.team.
                    require: {path: 'labels["com.acme.team"]', exists: true}
                """);
        policyWatcher.refreshAll();
        assertThat(get("/api/checks").body()).contains("ACME-TEAM");
        inventory.container(hostId, "c4", writableRoot());
        Findings.await(findings, FindingOpened.class, key(hostId, "c4", "ACME-TEAM"));
        Findings.await(findings, FindingOpened.class, key(hostId, "c4", "5.13"));

        Files.writeString(policyDirectory.resolve("rules").resolve("broken.yaml"), """
                rules:
                  - id: ACME-BROKEN
                    title: x
                    severity: low
                    remediation: y
                    require: {path: labelz, exists: true}
                """);
        policyWatcher.refreshAll();
        JsonNode policy = json(get("/actuator/health")).get("components").get("policy");
        assertThat(policy.toString()).contains("broken.yaml:6").contains("has no field 'labelz'");
        assertThat(get("/api/checks").body()).contains("ACME-TEAM").doesNotContain("ACME-BROKEN");
        Files.delete(policyDirectory.resolve("rules").resolve("broken.yaml"));

        Files.writeString(policyDirectory.resolve("waivers.yaml"), """
                waivers:
                  - id: WVR-IT-1
                    check: "5.13"
                    selector: {host: "%s", container: "shop-*"}
                    justification: The cache lives on the root file system until the next release.
                    expires: 2099-01-01
                    approved-by: secops@example.com
                """.formatted(hostId));
        policyWatcher.refreshAll();
        FindingWaived waived = Findings.await(findings, FindingWaived.class, key(hostId, "c4", "5.13"));
        assertThat(waived.waiver().source()).isEqualTo("central");
        assertThat(waived.waiver().approvedBy()).isEqualTo("secops@example.com");
        Files.writeString(policyDirectory.resolve("waivers.yaml"), "waivers: []\n");
        Files.delete(policyDirectory.resolve("rules").resolve("acme.yaml"));
        policyWatcher.refreshAll();
        FindingOpened withdrawn = Findings.await(findings, FindingOpened.class, key(hostId, "c4", "5.13"), 2);
        assertThat(withdrawn.reason()).isEqualTo("waiver-withdrawn");
        FindingResolved removedRule = Findings.await(findings, FindingResolved.class, key(hostId, "c4", "ACME-TEAM"));
        assertThat(removedRule.reason()).isEqualTo("check-removed");
    }

    @Test
    void servesChecksFindingsPostureHealthAndTheApiDescription() throws Exception {
        String hostId = host();
        inventory.host(hostId, HostSnapshots.insecure());
        inventory.container(hostId, "c5", ContainerSnapshots.privileged());
        Findings.await(findings, FindingOpened.class, key(hostId, "c5", "5.5"));
        Findings.await(findings, FindingOpened.class, hostId + "/host/2.5");
        findings.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));

        JsonNode checks = json(get("/api/checks"));
        assertThat(checks.findValuesAsString("id")).contains("4.1", "5.5", "5.32", "2.18", "dockwarden.label-waivers");
        JsonNode critical = json(get("/api/findings?host=" + hostId + "&severity=critical&status=open"));
        assertThat(critical.findValuesAsString("checkId")).contains("5.5", "5.32").doesNotContain("5.13");
        JsonNode hostFindings = json(get("/api/findings?host=" + hostId + "&check=2.5"));
        assertThat(hostFindings).singleElement().satisfies(finding -> assertThat(finding.has("containerId")).isFalse());
        JsonNode byName = json(get("/api/findings?container=debug-shell&host=" + hostId));
        assertThat(byName.size()).isGreaterThan(10);
        assertThat(get("/api/findings?severity=urgent").statusCode()).isEqualTo(400);

        JsonNode posture = json(get("/api/posture"));
        assertThat(posture.get("summary").get("hosts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(posture.get("hosts").findValuesAsString("hostId")).contains(hostId);

        JsonNode health = json(get("/actuator/health"));
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("findingState").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("s3").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics/dockwarden.compliance.evaluation").statusCode()).isEqualTo(200);
        HttpResponse<String> openapi = get("/openapi.yaml");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("openapi: 3.").contains("/api/reports/verify");
    }

    @Test
    void reportsAreArchivedChainedAnnouncedAndTamperingIsDetected() throws Exception {
        String hostId = host();
        inventory.host(hostId, HostSnapshots.hardened());
        inventory.container(hostId, "c6", writableRoot());
        Findings.await(findings, FindingOpened.class, key(hostId, "c6", "5.13"));
        try (TopicProbe reports = Findings.probe(BROKER, false, Topics.REPORTS)) {
            HttpResponse<String> first = post("/api/reports");
            assertThat(first.statusCode()).isEqualTo(201);
            HttpResponse<String> second = post("/api/reports");
            JsonNode firstReport = json(first);
            JsonNode secondReport = json(second);
            assertThat(secondReport.get("previousSha256").asString()).isEqualTo(firstReport.get("sha256").asString());
            String reportId = secondReport.get("reportId").asString();
            assertThat(second.headers().firstValue("Location")).hasValue("/api/reports/" + reportId);

            List<ConsumerRecord<String, byte[]>> announced = reports.await(
                    TopicProbe.ofType(EventCatalog.REPORT_PUBLISHED.type()), 2, Findings.TIMEOUT);
            ReportPublished published = EventJson.mapper().readValue(announced.get(1).value(), ReportPublished.class);
            assertThat(published.reportId()).isEqualTo(reportId);
            assertThat(published.bucket()).isEqualTo(BUCKET);
            assertThat(published.objects()).extracting(ReportPublished.ArchivedObject::format)
                    .containsExactly("json", "csv", "html", "sarif");

            List<String> keys = S3.objectKeys(BUCKET, "reports/");
            assertThat(keys).hasSize(8).allMatch(key -> key.matches("reports/\\d{4}/\\d{2}/\\d{2}/.+/report\\..+"));

            assertThat(get("/api/reports").body()).contains(reportId);
            HttpResponse<String> html = get("/api/reports/" + reportId + "?format=html");
            assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/html"));
            assertThat(html.body()).contains("<svg").contains(hostId);
            assertThat(get("/api/reports/" + reportId + "?format=sarif").body()).contains("\"version\" : \"2.1.0\"");
            assertThat(get("/api/reports/" + reportId + "?format=csv").body()).contains(hostId + ",c6");
            assertThat(get("/api/reports/" + reportId + "?format=pdf").statusCode()).isEqualTo(400);
            assertThat(get("/api/reports/20990101T000000000Z-000000").statusCode()).isEqualTo(404);

            JsonNode intact = json(get("/api/reports/verify"));
            assertThat(intact.get("intact").asBoolean()).isTrue();
            assertThat(intact.get("reportsChecked").asInt()).isEqualTo(2);

            String firstKey = firstReport.get("objects").get(0).get("key").asString();
            byte[] forged = get("/api/reports/" + firstReport.get("reportId").asString()).body()
                    .replace("\"open\"", "\"closed\"").getBytes(StandardCharsets.UTF_8);
            try (MinioClient client = S3.client()) {
                client.putObject(PutObjectArgs.builder().bucket(BUCKET).object(firstKey)
                        .stream(new ByteArrayInputStream(forged), (long) forged.length, null).build());
            }
            JsonNode broken = json(get("/api/reports/verify"));
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("reportId").asString()).isEqualTo(reportId);
            assertThat(broken.get("firstBroken").get("linkedReportId").asString())
                    .isEqualTo(firstReport.get("reportId").asString());
        }
    }
}
