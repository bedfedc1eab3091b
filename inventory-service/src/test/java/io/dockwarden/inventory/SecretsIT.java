package io.dockwarden.inventory;

import static io.dockwarden.testsupport.kafka.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import io.dockwarden.events.Topics;
import io.dockwarden.events.container.ContainerCreated;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A container started with {@code -e DB_PASSWORD=hunter2}, from an image whose build put the same secret into an
 * {@code ENV}, a build argument and a URL, mounting a volume whose driver options carry it: no byte {@code hunter2}
 * reaches any topic the inventory writes.
 */
class SecretsIT extends InventoryIntegrationTest {

    private static final String SECRET = "hunter2";
    private static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);

    @Test
    void noSecretReachesAnyTopic() throws Exception {
        String image = "dockwarden-test/with-secrets:" + uniqueName("img").substring("dw-inv-img-".length());
        String volume = uniqueName("secret-vol");
        String running = uniqueName("secret-run");
        String mounting = uniqueName("secret-mount");
        buildImage(image, """
                FROM dockwarden-test/busybox:1
                ARG API_TOKEN
                ENV DB_PASSWORD=hunter2 APP_HOME=/srv
                RUN true || wget -q http://deploy:hunter2@repo.invalid/app.tgz
                RUN echo "token=$API_TOKEN" > /dev/null
                LABEL org.example.team=platform
                """, Map.of("API_TOKEN", SECRET));
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS);
                TopicProbe volumes = broker.probe(Topics.VOLUME_EVENTS)) {
            engine.client().createVolumeCmd().withName(volume).withDriver("local")
                    .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m,password=" + SECRET))
                    .withLabels(Map.of(io.dockwarden.testsupport.docker.DockerEngine.TEST_LABEL,
                            io.dockwarden.testsupport.docker.DockerEngine.RUN_ID))
                    .exec();
            String runningId = engine.createContainer(running, create -> create.withImage(image)
                    .withEnv("DB_PASSWORD=" + SECRET, "API_KEY=" + SECRET)
                    .withCmd("sh", "-c", "echo http://admin:" + SECRET + "@db.invalid >/dev/null; sleep 3600"));
            engine.client().startContainerCmd(runningId).exec();
            String mountingId = engine.createContainer(mounting, create -> create
                    .withEnv("TOKEN=" + SECRET).withHostConfig(create.getHostConfig()
                            .withBinds(new Bind(volume, new Volume("/secrets")))));

            ContainerSnapshot snapshot = awaitCreated(events, runningId);
            assertThat(snapshot.envNames()).contains("DB_PASSWORD", "API_KEY", "APP_HOME");
            assertThat(snapshot.image().envNames()).contains("DB_PASSWORD");
            assertThat(snapshot.image().history()).anyMatch(step -> step.createdBy().contains("DB_PASSWORD=******"));
            awaitCreated(events, mountingId);
            events.await(withKey(key(runningId)).and(record -> type(record).equals("container.started")), 1, WAIT);
            volumes.await(withKey(key(volume)).and(record -> record.value() != null
                    && decode(record) instanceof VolumeObserved observed
                    && !observed.volume().mountedBy().isEmpty()), 1, WAIT);
        }

        List<String> topics = List.of(Topics.CONTAINER_EVENTS, Topics.CONTAINER_STATE, Topics.VOLUME_EVENTS,
                Topics.HOST_EVENTS);
        try (TopicProbe everything = broker.probeFromBeginning(topics.toArray(String[]::new))) {
            List<ConsumerRecord<String, byte[]>> all = everything.awaitQuiet(java.time.Duration.ofSeconds(2), WAIT);
            assertThat(all).as("records written by the inventory").isNotEmpty();
            List<String> leaks = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : all) {
                if (contains(record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8))
                        || contains(record.value())) {
                    leaks.add(record.topic() + " " + record.key());
                }
                for (Header header : record.headers()) {
                    if (contains(header.value())) {
                        leaks.add(record.topic() + " " + record.key() + " header " + header.key());
                    }
                }
            }
            assertThat(leaks).as("records carrying the secret").isEmpty();
        } finally {
            engine.removeContainerQuietly(running);
            engine.removeContainerQuietly(mounting);
            engine.removeVolumeQuietly(volume);
            engine.client().removeImageCmd(image).withForce(true).exec();
        }
    }

    private ContainerSnapshot awaitCreated(TopicProbe events, String containerId) {
        List<ConsumerRecord<String, byte[]>> records = events.await(withKey(key(containerId))
                .and(record -> type(record).equals("container.created")), 1, WAIT);
        return ((ContainerCreated) decode(records.get(0))).snapshot();
    }

    private static boolean contains(byte[] bytes) {
        if (bytes == null) {
            return false;
        }
        outer:
        for (int i = 0; i + SECRET_BYTES.length <= bytes.length; i++) {
            for (int j = 0; j < SECRET_BYTES.length; j++) {
                if (bytes[i + j] != SECRET_BYTES[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * {@code docker build} offline (the base image is local, the build runs without network), sent as a raw request
     * like test-support's image import, with build arguments.
     */
    private void buildImage(String tag, String dockerfile, Map<String, String> buildArgs) throws IOException {
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(context)) {
            byte[] content = dockerfile.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
            tar.finish();
        }
        StringBuilder args = new StringBuilder("{");
        buildArgs.forEach((name, value) -> args.append(args.length() > 1 ? "," : "").append('"').append(name)
                .append("\":\"").append(value).append('"'));
        args.append('}');
        DockerHttpClient http = ((DockerClientImpl) engine.client()).getHttpClient();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/build?t=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&networkmode=none&rm=1"
                        + "&buildargs=" + URLEncoder.encode(args.toString(), StandardCharsets.UTF_8))
                .putHeader("Content-Type", "application/x-tar")
                .body(new ByteArrayInputStream(context.toByteArray()))
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() != 200 || body.contains("\"errorDetail\"")) {
                throw new IllegalStateException("docker build of " + tag + " failed: " + body);
            }
        }
    }
}
