package io.dockwarden.testsupport.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A Docker engine for integration tests: the local one ({@code DOCKER_HOST} or the default socket) or a test-owned
 * daemon. It makes the test image locally (never pulling from a registry), creates containers and volumes labelled as
 * the test's own, and removes them again.
 */
public final class DockerEngine {

    /** Built by {@code docker import} of a rootfs holding busybox: no registry is needed. */
    public static final String TEST_IMAGE = "dockwarden-test/busybox:1";
    /**
     * Every container and volume a test makes carries this label with this JVM's {@link #RUN_ID}, so that cleanup
     * finds its own and leaves those of test runs going on beside it alone.
     */
    public static final String TEST_LABEL = "io.dockwarden.test";
    public static final String RUN_ID = Long.toHexString(System.nanoTime()) + "-" + ProcessHandle.current().pid();

    private static final Map<String, DockerEngine> ENGINES = new ConcurrentHashMap<>();

    private final String dockerHost;
    private final DockerClient client;
    private final DockerHttpClient http;

    private DockerEngine(String dockerHost) {
        this.dockerHost = dockerHost;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .build();
        this.http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(dockerHost))
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .build();
        this.client = DockerClientImpl.getInstance(config, http);
    }

    /** The machine's engine, as {@code DOCKER_HOST} names it (the default unix socket otherwise). */
    public static DockerEngine local() {
        return at(defaultHost());
    }

    public static DockerEngine at(String dockerHost) {
        return ENGINES.computeIfAbsent(dockerHost, DockerEngine::new);
    }

    public static String defaultHost() {
        String fromEnvironment = System.getenv("DOCKER_HOST");
        return fromEnvironment == null || fromEnvironment.isBlank() ? "unix:///var/run/docker.sock" : fromEnvironment;
    }

    public String dockerHost() {
        return dockerHost;
    }

    public DockerClient client() {
        return client;
    }

    /** Whether the engine answers a ping now. */
    public boolean reachable() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** Makes the test image from the machine's busybox if the engine does not have it yet; returns its name. */
    public synchronized String ensureTestImage() {
        try {
            client.inspectImageCmd(TEST_IMAGE).exec();
            return TEST_IMAGE;
        } catch (NotFoundException missing) {
            importImage(TEST_IMAGE, busyboxRootfs());
            client.inspectImageCmd(TEST_IMAGE).exec();
            return TEST_IMAGE;
        }
    }

    /**
     * {@code docker import}: an image from a rootfs tar. Sent as a raw request because docker-java's
     * {@code createImageCmd} truncates the body on the httpclient5 transport (the engine answers "unexpected EOF").
     */
    public void importImage(String image, byte[] rootfsTar) {
        String repository = image.substring(0, image.lastIndexOf(':'));
        String tag = image.substring(image.lastIndexOf(':') + 1);
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/images/create?fromSrc=-&repo=" + repository + "&tag=" + tag)
                .putHeader("Content-Type", "application/x-tar")
                .body(new ByteArrayInputStream(rootfsTar))
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() != 200 || body.contains("\"error")) {
                throw new IllegalStateException("docker import of " + image + " failed: " + body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("docker import of " + image + " failed", e);
        }
    }

    /**
     * Creates (does not start) a container of the test image that sleeps, with no network, labelled as the test's
     * own; the customizer may change anything, including the command.
     */
    public String createContainer(String name, Consumer<CreateContainerCmd> customizer) {
        ensureTestImage();
        CreateContainerCmd command = client.createContainerCmd(TEST_IMAGE)
                .withName(name)
                .withCmd("sleep", "3600")
                .withLabels(new HashMap<>(Map.of(TEST_LABEL, RUN_ID)))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"));
        customizer.accept(command);
        Map<String, String> labels = new HashMap<>(command.getLabels() == null ? Map.of() : command.getLabels());
        labels.put(TEST_LABEL, RUN_ID);
        command.withLabels(labels);
        HostConfig hostConfig = command.getHostConfig();
        if (hostConfig != null && hostConfig.getNetworkMode() == null) {
            // Tests never join a bridge network: only loopback traffic is allowed here.
            hostConfig.withNetworkMode("none");
        }
        return command.exec().getId();
    }

    public String createAndStart(String name, Consumer<CreateContainerCmd> customizer) {
        String id = createContainer(name, customizer);
        client.startContainerCmd(id).exec();
        return id;
    }

    public String createVolume(String name, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(TEST_LABEL, RUN_ID);
        return client.createVolumeCmd().withName(name).withLabels(all).exec().getName();
    }

    /** Removes every container and volume this JVM's tests made. */
    public void removeTestResources() {
        List<Container> containers = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(TEST_LABEL, RUN_ID)).exec();
        for (Container container : containers) {
            removeContainerQuietly(container.getId());
        }
        client.listVolumesCmd().withFilter("label", List.of(TEST_LABEL + "=" + RUN_ID)).exec().getVolumes()
                .forEach(volume -> removeVolumeQuietly(volume.getName()));
    }

    public void removeContainerQuietly(String idOrName) {
        try {
            client.removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(false).exec();
        } catch (NotFoundException gone) {
            // Already removed.
        }
    }

    public void removeVolumeQuietly(String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            // Already removed.
        }
    }

    /**
     * A tar of a minimal root file system: the static busybox with a link per applet, an {@code /etc/passwd} with
     * root, nobody and an unprivileged user 1000, and {@code /tmp}.
     */
    static byte[] busyboxRootfs() {
        Path busybox = findBusybox();
        try {
            byte[] binary = Files.readAllBytes(busybox);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(binary.length + 1024 * 1024);
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                directory(tar, "bin/");
                directory(tar, "etc/");
                directory(tar, "tmp/", 01777);
                directory(tar, "data/");
                directory(tar, "root/", 0700);
                file(tar, "bin/busybox", binary, 0755);
                for (String applet : applets(busybox)) {
                    if (!applet.equals("busybox")) {
                        TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                        link.setLinkName("busybox");
                        tar.putArchiveEntry(link);
                        tar.closeArchiveEntry();
                    }
                }
                file(tar, "etc/passwd", ("root:x:0:0:root:/root:/bin/sh\n"
                        + "app:x:1000:1000:app:/tmp:/bin/sh\n"
                        + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n").getBytes(StandardCharsets.UTF_8),
                        0644);
                file(tar, "etc/group", "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n"
                        .getBytes(StandardCharsets.UTF_8), 0644);
                tar.finish();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the test image's rootfs", e);
        }
    }

    private static Path findBusybox() {
        for (String candidate : List.of("/bin/busybox", "/usr/bin/busybox", "/usr/local/bin/busybox")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new IllegalStateException("no static busybox on this machine: install the busybox-static package");
    }

    private static List<String> applets(Path busybox) throws IOException {
        Process list = new ProcessBuilder(busybox.toString(), "--list").redirectErrorStream(true).start();
        String output = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> applets = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                applets.add(line.strip());
            }
        }
        return applets;
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        directory(tar, name, 0755);
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Override
    public String toString() {
        return "DockerEngine[" + dockerHost + "]";
    }

    static @Nullable String ci() {
        return System.getenv("CI");
    }
}
