package io.dockwarden.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchemaFilesTest {

    /** Keywords the schemas may use; anything else is a typo that a validator would silently ignore. */
    private static final Set<String> KNOWN_KEYWORDS = Set.of("$schema", "$id", "$ref", "$defs", "title", "description",
            "type", "properties", "required", "additionalProperties", "propertyNames", "items", "minItems", "enum",
            "const", "format", "minLength", "pattern", "minimum", "maximum", "if", "then", "else", "not");

    private final SchemaFiles files = SchemaFiles.current();

    @Test
    void holdsOneSchemaPerCatalogTypeAndNothingElseAtTheTop() {
        Set<String> topLevel = files.all().keySet().stream().filter(path -> !path.contains("/"))
                .collect(Collectors.toSet());

        assertThat(topLevel).containsExactlyInAnyOrderElementsOf(
                EventCatalog.ALL.stream().map(type -> type.type() + ".json").toList());
    }

    @Test
    void everyEventSchemaHasTheDataschemaAsItsId() {
        for (EventType<?> type : EventCatalog.ALL) {
            assertThat(files.of(type).path("$id").asString()).as(type.type()).isEqualTo(type.dataschema());
        }
    }

    @Test
    void everySharedDefinitionIsVersionedAndHasItsPathAsItsId() {
        files.all().forEach((path, schema) -> {
            if (path.startsWith("defs/")) {
                assertThat(path).matches("defs/[a-z0-9-]+\\.v[0-9]+\\.json");
                assertThat(schema.path("$id").asString()).isEqualTo(EventType.SCHEMA_BASE_URI + path);
            }
        });
    }

    @Test
    void everySchemaIsAValidDraft202012Schema() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        files.all().forEach((path, schema) -> {
            assertThat(schema.path("$schema").asString()).as(path)
                    .isEqualTo(SpecificationVersion.DRAFT_2020_12.getDialectId());
            assertThat(metaSchema.validate(schema)).as(path).isEmpty();
        });
    }

    @Test
    void everySchemaHasATitleAndADescription() {
        files.all().forEach((path, schema) -> {
            assertThat(schema.path("title").asString()).as(path).isNotBlank();
            assertThat(schema.path("description").asString()).as(path).isNotBlank();
        });
    }

    @Test
    void everyRecordObjectIsClosedAndEveryMapTypesItsValues() {
        List<String> open = new ArrayList<>();
        eachSchemaNode((location, node) -> {
            if (!"object".equals(node.path("type").asString())) {
                return;
            }
            JsonNode additional = node.path("additionalProperties");
            boolean closedRecord = node.has("properties") && additional.isBoolean() && !additional.asBoolean();
            // A map (labels) has no declared properties; its values still have a schema, never "anything".
            boolean typedMap = !node.has("properties") && additional.isObject() && additional.has("type");
            if (!closedRecord && !typedMap) {
                open.add(location);
            }
        });

        assertThat(open).isEmpty();
    }

    @Test
    void everyRequiredNameIsADeclaredProperty() {
        eachSchemaNode((location, node) -> {
            if (node.has("required") && node.has("properties")) {
                node.get("required").forEach(name -> assertThat(node.get("properties").has(name.asString()))
                        .as(location + " requires " + name).isTrue());
            }
        });
    }

    @Test
    void everyPropertyIsDescribed() {
        eachSchemaNode((location, node) -> {
            // Conditions (if/then/else) restate properties described already; they only constrain them.
            boolean condition = location.contains("/if") || location.contains("/then") || location.contains("/else");
            if (node.has("properties") && !condition) {
                node.get("properties").properties().forEach(property -> assertThat(
                        property.getValue().path("description").asString())
                        .as(location + "/properties/" + property.getKey()).isNotBlank());
            }
        });
    }

    @Test
    void usesOnlyKnownKeywords() {
        Set<String> unknown = new HashSet<>();
        eachSchemaNode((location, node) -> node.propertyNames().stream()
                .filter(keyword -> !KNOWN_KEYWORDS.contains(keyword))
                .forEach(keyword -> unknown.add(location + ": " + keyword)));

        assertThat(unknown).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        files.all().forEach((path, schema) -> {
            String id = schema.path("$id").asString();
            eachSchemaNode(path, schema, (location, node) -> {
                if (node.has("$ref")) {
                    assertThat(files.resolve(id, node.get("$ref").asString()).node()).as(location).isNotNull();
                }
            });
        });
    }

    @Test
    void everySharedDefinitionIsUsed() {
        Set<String> referenced = new HashSet<>();
        files.all().forEach((path, schema) -> {
            String id = schema.path("$id").asString();
            eachSchemaNode(path, schema, (location, node) -> {
                if (node.has("$ref")) {
                    referenced.add(files.resolve(id, node.get("$ref").asString()).documentId());
                }
            });
        });

        files.all().forEach((path, schema) -> {
            if (path.startsWith("defs/")) {
                assertThat(referenced).as(path + " is referenced").contains(schema.path("$id").asString());
            }
        });
    }

    private void eachSchemaNode(BiConsumer<String, JsonNode> visitor) {
        files.all().forEach((path, schema) -> eachSchemaNode(path, schema, visitor));
    }

    /** Visits every node in a schema position: the root, properties, items, definitions and the like. */
    static void eachSchemaNode(String location, JsonNode node, BiConsumer<String, JsonNode> visitor) {
        if (!node.isObject()) {
            return;
        }
        visitor.accept(location, node);
        for (String keyword : List.of("items", "additionalProperties", "propertyNames", "if", "then", "else", "not")) {
            if (node.has(keyword)) {
                eachSchemaNode(location + "/" + keyword, node.get(keyword), visitor);
            }
        }
        for (String keyword : List.of("properties", "$defs")) {
            for (Map.Entry<String, JsonNode> child : node.path(keyword).properties()) {
                eachSchemaNode(location + "/" + keyword + "/" + child.getKey(), child.getValue(), visitor);
            }
        }
    }
}
