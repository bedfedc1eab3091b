package io.dockwarden.events.schema;

import io.dockwarden.events.EventType;
import io.dockwarden.events.codec.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The schema files of one folder tree (the current ones, or a released copy), read as JSON and found by their path
 * relative to the folder, which is also their {@code $id} relative to {@value EventType#SCHEMA_BASE_URI}.
 */
public final class SchemaFiles {

    /** The schemas this module ships, as the sources hold them; tests run in the module folder. */
    public static final Path CURRENT = Path.of("src/main/resources/schemas");
    /** The schemas of the last release, kept to prove that the current ones stay compatible. */
    public static final Path RELEASED = Path.of("src/test/resources/released/schemas");

    private final Map<String, JsonNode> byRelativePath;

    private SchemaFiles(Map<String, JsonNode> byRelativePath) {
        this.byRelativePath = byRelativePath;
    }

    public static SchemaFiles current() {
        return in(CURRENT);
    }

    public static SchemaFiles released() {
        return in(RELEASED);
    }

    public static SchemaFiles in(Path folder) {
        Map<String, JsonNode> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(path -> path.toString().endsWith(".json")).forEach(path -> files.put(
                    folder.relativize(path).toString().replace('\\', '/'), read(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaFiles(files);
    }

    public static JsonNode read(Path path) {
        try {
            return EventJson.mapper().readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file, by its path relative to the folder, such as {@code defs/waiver.v1.json}. */
    public Map<String, JsonNode> all() {
        return Map.copyOf(byRelativePath);
    }

    /** The same files but one, as if it had been deleted. */
    public SchemaFiles without(String relativePath) {
        Map<String, JsonNode> files = new TreeMap<>(byRelativePath);
        files.remove(relativePath);
        return new SchemaFiles(files);
    }

    public JsonNode byRelativePath(String relativePath) {
        JsonNode node = byRelativePath.get(relativePath);
        if (node == null) {
            throw new IllegalArgumentException("no schema file " + relativePath);
        }
        return node;
    }

    public JsonNode of(EventType<?> type) {
        return byRelativePath(type.type() + ".json");
    }

    /**
     * Resolves a {@code $ref} found in the document with id {@code baseId}: another file, a fragment of one, or a
     * fragment of the same document.
     */
    public Resolved resolve(String baseId, String ref) {
        URI target = URI.create(baseId).resolve(ref);
        String documentId = target.getScheme() + ":" + target.getSchemeSpecificPart();
        String relative = documentId.substring(EventType.SCHEMA_BASE_URI.length());
        JsonNode document = byRelativePath(relative);
        String fragment = target.getFragment();
        JsonNode node = fragment == null || fragment.isEmpty() ? document : document.at(fragment);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + ref + " in " + baseId + " points at nothing");
        }
        return new Resolved(documentId, node);
    }

    /**
     * A schema node and the id of the document holding it, against which its own references resolve.
     *
     * @param documentId the {@code $id} of the document
     * @param node the schema node
     */
    public record Resolved(String documentId, JsonNode node) {

        /** A node inside the same document. */
        public Resolved at(JsonNode child) {
            return new Resolved(documentId, child);
        }
    }
}
