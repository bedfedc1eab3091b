package io.dockwarden.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaCompatibilityTest {

    private static final String FILE = "io.dockwarden.container.died.v1.json";
    private static final String SNAPSHOT = "defs/container-snapshot.v1.json";

    private final SchemaFiles released = SchemaFiles.released();
    private final SchemaFiles current = SchemaFiles.current();

    @Test
    void currentSchemasAcceptEverythingTheLastReleaseAccepted() throws IOException {
        Properties release = new Properties();
        release.load(Files.newBufferedReader(SchemaFiles.RELEASED.resolveSibling("release.properties")));

        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .as("breaking changes since release " + release.getProperty("version")).isEmpty();
    }

    @Test
    void releasedCopyCoversEveryCurrentSchemaOfThatRelease() {
        assertThat(released.all().keySet()).isNotEmpty()
                .allSatisfy(path -> assertThat(current.all()).containsKey(path));
    }

    @Test
    void catchesARemovedProperty() {
        ObjectNode mutated = copy(FILE);
        ((ObjectNode) mutated.get("properties")).remove("exitCode");
        ((ArrayNode) mutated.get("required")).removeIf(name -> name.asString().equals("exitCode"));

        assertThat(SchemaCompatibility.breakingChanges(FILE, released.byRelativePath(FILE), mutated))
                .containsExactly(FILE + "#: removed property 'exitCode'");
    }

    @Test
    void catchesAChangedType() {
        ObjectNode mutated = copy(FILE);
        ((ObjectNode) mutated.at("/properties/exitCode")).put("type", "string");

        assertThat(SchemaCompatibility.breakingChanges(FILE, released.byRelativePath(FILE), mutated))
                .containsExactly(FILE + "#/properties/exitCode: changed type from \"integer\" to \"string\"");
    }

    @Test
    void catchesANewRequiredPropertyEvenInANestedDefinition() {
        ObjectNode mutated = copy(SNAPSHOT);
        ((ArrayNode) mutated.get("required")).add("exitCode");
        ((ArrayNode) mutated.at("/$defs/mount/required")).add("name");

        assertThat(SchemaCompatibility.breakingChanges(SNAPSHOT, released.byRelativePath(SNAPSHOT), mutated))
                .containsExactly(SNAPSHOT + "#: new required property 'exitCode'",
                        SNAPSHOT + "#/$defs/mount: new required property 'name'");
    }

    @Test
    void catchesAClosedObjectOpened() {
        ObjectNode mutated = copy(SNAPSHOT);
        ((ObjectNode) mutated.at("/$defs/resources")).remove("additionalProperties");

        assertThat(SchemaCompatibility.breakingChanges(SNAPSHOT, released.byRelativePath(SNAPSHOT), mutated))
                .containsExactly(
                        SNAPSHOT + "#/$defs/resources: closed object opened (additionalProperties no longer false)");
    }

    @Test
    void catchesNarrowedValues() {
        ObjectNode mutated = copy(SNAPSHOT);
        ((ArrayNode) mutated.at("/properties/status/enum")).remove(0);
        ((ObjectNode) mutated.at("/$defs/portBinding/properties/hostPort")).put("maximum", 32767);

        assertThat(SchemaCompatibility.breakingChanges(SNAPSHOT, released.byRelativePath(SNAPSHOT), mutated))
                .containsExactly(SNAPSHOT + "#/properties/status: enum value(s) removed: [\"created\"]",
                        SNAPSHOT + "#/$defs/portBinding/properties/hostPort: maximum tightened from 65535 to 32767");
    }

    @Test
    void catchesARemovedSchema() {
        assertThat(SchemaCompatibility.breakingChanges(released, current.without(FILE)))
                .containsExactly(FILE + ": schema removed");
    }

    @Test
    void allowsANewOptionalPropertyAndANewEnumValue() {
        ObjectNode mutated = copy(SNAPSHOT);
        ((ObjectNode) mutated.get("properties")).putObject("platform")
                .put("description", "The container's platform.").put("type", "string");
        ((ArrayNode) mutated.at("/properties/status/enum")).add("migrating");

        assertThat(SchemaCompatibility.breakingChanges(SNAPSHOT, released.byRelativePath(SNAPSHOT), mutated)).isEmpty();
    }

    private ObjectNode copy(String file) {
        JsonNode node = released.byRelativePath(file);
        return (ObjectNode) node.deepCopy();
    }
}
