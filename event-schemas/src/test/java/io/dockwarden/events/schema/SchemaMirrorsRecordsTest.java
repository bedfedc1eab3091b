package io.dockwarden.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventType;
import io.dockwarden.events.codec.EventJson;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The records are the Java face of the schemas: same fields in the same order, the same optional ones, compatible
 * types, and integer bounds a Java {@code int} or {@code long} can hold, so that whatever validates also binds.
 */
class SchemaMirrorsRecordsTest {

    private final SchemaFiles files = SchemaFiles.current();

    static Stream<EventType<?>> types() {
        return EventCatalog.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schemaDeclaresExactlyTheRecordComponents(EventType<?> type) {
        List<String> mismatches = new ArrayList<>();
        compare(type.dataClass(), new SchemaFiles.Resolved(type.dataschema(), files.of(type)), type.type(), mismatches);

        assertThat(mismatches).isEmpty();
    }

    private void compare(Type javaType, SchemaFiles.Resolved schema, String at, List<String> mismatches) {
        SchemaFiles.Resolved resolved = dereference(schema);
        JsonNode node = resolved.node();
        Class<?> raw = rawClass(javaType);
        String jsonType = node.path("type").asString();
        if (raw == String.class) {
            expect(jsonType, "string", at, mismatches);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(jsonType, "boolean", at, mismatches);
        } else if (raw == int.class || raw == Integer.class) {
            expect(jsonType, "integer", at, mismatches);
            expectBounds(node, Integer.MIN_VALUE, Integer.MAX_VALUE, true, at, mismatches);
        } else if (raw == long.class || raw == Long.class) {
            expect(jsonType, "integer", at, mismatches);
            expectBounds(node, Long.MIN_VALUE, Long.MAX_VALUE, false, at, mismatches);
        } else if (raw == double.class) {
            expect(jsonType, "number", at, mismatches);
        } else if (raw == Instant.class) {
            expect(jsonType, "string", at, mismatches);
            expect(node.path("format").asString(), "date-time", at + " format", mismatches);
        } else if (raw.isEnum()) {
            Set<String> wireNames = new LinkedHashSet<>();
            Arrays.stream(raw.getEnumConstants()).forEach(constant -> wireNames.add(
                    EventJson.mapper().valueToTree(constant).asString()));
            Set<String> schemaNames = new LinkedHashSet<>();
            node.path("enum").forEach(value -> schemaNames.add(value.asString()));
            if (!wireNames.equals(schemaNames)) {
                mismatches.add(at + ": enum " + schemaNames + " but " + raw.getSimpleName() + " writes " + wireNames);
            }
        } else if (raw == List.class) {
            expect(jsonType, "array", at, mismatches);
            compare(typeArgument(javaType, 0), resolved.at(node.path("items")), at + "[]", mismatches);
        } else if (raw == Map.class) {
            expect(jsonType, "object", at, mismatches);
            Type valueType = typeArgument(javaType, 1);
            if (node.has("properties")) {
                node.get("properties").properties().forEach(property -> compare(valueType,
                        resolved.at(property.getValue()), at + "." + property.getKey(), mismatches));
            } else {
                compare(valueType, resolved.at(node.path("additionalProperties")), at + ".*", mismatches);
            }
        } else if (raw.isRecord()) {
            compareRecord(raw, resolved, at, mismatches);
        } else {
            mismatches.add(at + ": no JSON mapping known for " + raw.getName());
        }
    }

    private void compareRecord(Class<?> record, SchemaFiles.Resolved schema, String at, List<String> mismatches) {
        JsonNode node = schema.node();
        expect(node.path("type").asString(), "object", at, mismatches);
        RecordComponent[] components = record.getRecordComponents();
        List<String> componentNames = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<String> propertyNames = new ArrayList<>(node.path("properties").propertyNames());
        if (!componentNames.equals(propertyNames)) {
            mismatches.add(at + ": properties " + propertyNames + " but " + record.getSimpleName() + " has "
                    + componentNames);
            return;
        }
        Set<String> requiredComponents = new LinkedHashSet<>();
        for (RecordComponent component : components) {
            if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                requiredComponents.add(component.getName());
            }
        }
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(name -> required.add(name.asString()));
        if (!required.equals(requiredComponents)) {
            mismatches.add(at + ": required " + required + " but the non-null components are " + requiredComponents);
        }
        for (RecordComponent component : components) {
            compare(component.getGenericType(), schema.at(node.path("properties").path(component.getName())),
                    at + "." + component.getName(), mismatches);
        }
    }

    private SchemaFiles.Resolved dereference(SchemaFiles.Resolved schema) {
        SchemaFiles.Resolved current = schema;
        while (current.node().has("$ref")) {
            current = files.resolve(current.documentId(), current.node().get("$ref").asString());
        }
        return current;
    }

    private static void expect(String actual, String expected, String at, List<String> mismatches) {
        if (!expected.equals(actual)) {
            mismatches.add(at + ": schema says '" + actual + "', the record needs '" + expected + "'");
        }
    }

    /**
     * Whatever validates must bind: an int field needs both bounds (or an enum of values) it can hold, a long one at
     * least a lower bound.
     */
    private static void expectBounds(JsonNode node, long min, long max, boolean bothRequired, String at,
            List<String> mismatches) {
        if (node.has("enum")) {
            node.get("enum").forEach(value -> {
                if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                    mismatches.add(at + ": enum value " + value + " out of range");
                }
            });
            return;
        }
        if (!node.has("minimum") || node.get("minimum").asLong() < min) {
            mismatches.add(at + ": minimum missing or below " + min);
        }
        if (bothRequired && (!node.has("maximum") || node.get("maximum").asLong() > max)) {
            mismatches.add(at + ": maximum missing or above " + max);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return (Class<?>) ((ParameterizedType) type).getRawType();
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
