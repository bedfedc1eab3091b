package io.dockwarden.events.asyncapi;

import io.dockwarden.events.codec.EventJson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The module's AsyncAPI document, read as a JSON tree, with its local references resolved on demand. */
final class AsyncApiDocument {

    /** Tests run in the module folder, where the one copy of the document lives. */
    static final Path PATH = Path.of("asyncapi.yaml");

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        try (Reader reader = Files.newBufferedReader(PATH)) {
            Map<String, Object> yaml = new Yaml().load(reader);
            return new AsyncApiDocument(EventJson.mapper().valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The channels bound to one Kafka topic each, leaving out parameterised ones such as the dead letters. */
    List<Channel> topicChannels() {
        List<Channel> channels = new ArrayList<>();
        root.path("channels").properties().forEach(channel -> {
            if (!channel.getValue().path("address").asString().contains("{")) {
                channels.add(new Channel(channel.getKey(), channel.getValue()));
            }
        });
        return channels;
    }

    /** Follows a {@code $ref} to a place in this document; a node without one is returned as it is. */
    JsonNode dereference(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("not a local reference: " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("unresolved reference: " + ref);
            }
        }
        return current;
    }

    /**
     * A channel of the document.
     *
     * @param id its key under {@code channels}
     * @param node its definition
     */
    record Channel(String id, JsonNode node) {

        String address() {
            return node.path("address").asString();
        }

        String key() {
            return node.path("x-key").asString();
        }

        List<String> messageNames(AsyncApiDocument document) {
            List<String> names = new ArrayList<>();
            node.path("messages").forEach(message -> names.add(document.dereference(message).path("name").asString()));
            return names;
        }
    }
}
