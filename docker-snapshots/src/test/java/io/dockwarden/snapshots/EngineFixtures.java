package io.dockwarden.snapshots;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Engine API answers captured from a real engine (20.10, API 1.41) into {@code src/test/resources/engine}, read with
 * docker-java's own object mapper so that the model and its raw values are exactly what a client would hold. The
 * secret planted in them is {@code hunter2}; host-specific values (engine id, host name, paths) were replaced.
 */
final class EngineFixtures {

    /** The secret planted in the captured containers, images and build steps. */
    static final String SECRET = "hunter2";

    private static final ObjectMapper MAPPER = DefaultDockerClientConfig.createDefaultConfigBuilder().build()
            .getObjectMapper();

    private EngineFixtures() {
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try (InputStream in = EngineFixtures.class.getResourceAsStream("/engine/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code container-<name>.json}: hardened (running), risky (created), exited, paused. */
    static InspectContainerResponse container(String name) {
        return read("container-" + name + ".json", InspectContainerResponse.class);
    }

    /** A captured container with its JSON edited first, for states the machine cannot produce. */
    static InspectContainerResponse container(String name, Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(bytes("container-" + name + ".json"));
            edit.accept(tree);
            return MAPPER.readValue(MAPPER.writeValueAsBytes(tree), InspectContainerResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code image-<name>.json}: app (built with a planted secret) or busybox (the imported test image). */
    static InspectImageResponse image(String name) {
        return read("image-" + name + ".json", InspectImageResponse.class);
    }

    /** {@code history-<name>.json}: app, busybox, or buildkit (hand-written in the shape BuildKit records). */
    static List<ImageHistoryItem> history(String name) {
        return ImageHistories.parse(bytes("history-" + name + ".json"));
    }

    static Info info() {
        return read("info.json", Info.class);
    }

    static Version version() {
        return read("version.json", Version.class);
    }

    /** {@code network-<name>.json}: none (captured) or bridge (a default bridge as the Engine API documents it). */
    static Network network(String name) {
        return read("network-" + name + ".json", Network.class);
    }

    static InspectVolumeResponse volume(String name) {
        return read("volume-" + name + ".json", InspectVolumeResponse.class);
    }

    private static <T> T read(String name, Class<T> type) {
        try {
            return MAPPER.readValue(bytes(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
