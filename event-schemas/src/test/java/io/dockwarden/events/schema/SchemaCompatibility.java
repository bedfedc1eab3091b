package io.dockwarden.events.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Finds the changes between a released schema and its current version that would break the contract. The rule: the
 * current schema must accept every document the released one accepted, since consumers validate and old records stay
 * on topics (the compacted one forever); and closing or opening an object changes what consumers may rely on. Adding
 * an optional property or an enum value is allowed; consumers upgrade before producers use it.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Every breaking change over a whole release: schemas removed, and changes inside each one. */
    public static List<String> breakingChanges(SchemaFiles released, SchemaFiles current) {
        List<String> changes = new ArrayList<>();
        Map<String, JsonNode> currentFiles = current.all();
        released.all().forEach((path, releasedSchema) -> {
            JsonNode currentSchema = currentFiles.get(path);
            if (currentSchema == null) {
                changes.add(path + ": schema removed");
            } else {
                changes.addAll(breakingChanges(path, releasedSchema, currentSchema));
            }
        });
        return changes;
    }

    /** Every breaking change from one released schema to its current version, each naming where it is. */
    public static List<String> breakingChanges(String file, JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare(file + "#", released, current, changes);
        return changes;
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> changes) {
        if (!released.isObject() || !current.isObject()) {
            if (!released.equals(current)) {
                changes.add(at + ": schema changed from " + released + " to " + current);
            }
            return;
        }
        // A referenced definition is compared in its own file; here only where the reference points matters.
        changed(at, "$ref", "reference", released, current, changes);
        changed(at, "type", "type", released, current, changes);
        changed(at, "format", "format", released, current, changes);
        changed(at, "const", "constant", released, current, changes);
        changed(at, "pattern", "pattern", released, current, changes);
        tightened(at, "minLength", released, current, true, changes);
        tightened(at, "minItems", released, current, true, changes);
        tightened(at, "minimum", released, current, true, changes);
        tightened(at, "maximum", released, current, false, changes);
        for (String condition : List.of("if", "then", "else", "not", "propertyNames")) {
            changed(at, condition, condition, released, current, changes);
        }

        if (released.has("enum")) {
            Set<JsonNode> removed = new LinkedHashSet<>();
            released.get("enum").forEach(removed::add);
            current.path("enum").forEach(removed::remove);
            if (!current.has("enum")) {
                removed.clear();
            }
            if (!removed.isEmpty()) {
                changes.add(at + ": enum value(s) removed: " + removed);
            }
        } else if (current.has("enum")) {
            changes.add(at + ": enum added, restricting values that were free");
        }

        Set<String> required = names(released.path("required"));
        for (String name : names(current.path("required"))) {
            if (!required.contains(name)) {
                changes.add(at + ": new required property '" + name + "'");
            }
        }

        compareAdditionalProperties(at, released.path("additionalProperties"), current.path("additionalProperties"),
                changes);

        for (Map.Entry<String, JsonNode> property : released.path("properties").properties()) {
            JsonNode now = current.path("properties").get(property.getKey());
            if (now == null) {
                changes.add(at + ": removed property '" + property.getKey() + "'");
            } else {
                compare(at + "/properties/" + property.getKey(), property.getValue(), now, changes);
            }
        }
        for (Map.Entry<String, JsonNode> definition : released.path("$defs").properties()) {
            JsonNode now = current.path("$defs").get(definition.getKey());
            if (now == null) {
                changes.add(at + ": removed definition '" + definition.getKey() + "'");
            } else {
                compare(at + "/$defs/" + definition.getKey(), definition.getValue(), now, changes);
            }
        }
        if (released.has("items")) {
            compare(at + "/items", released.get("items"), current.path("items"), changes);
        }
    }

    private static void compareAdditionalProperties(String at, JsonNode released, JsonNode current,
            List<String> changes) {
        boolean wasClosed = released.isBoolean() && !released.asBoolean();
        boolean isClosed = current.isBoolean() && !current.asBoolean();
        if (wasClosed && !isClosed) {
            changes.add(at + ": closed object opened (additionalProperties no longer false)");
        } else if (!wasClosed && isClosed) {
            changes.add(at + ": open object closed (additionalProperties now false)");
        } else if (released.isObject()) {
            compare(at + "/additionalProperties", released, current, changes);
        }
    }

    private static void changed(String at, String keyword, String what, JsonNode released, JsonNode current,
            List<String> changes) {
        JsonNode before = released.get(keyword);
        JsonNode after = current.get(keyword);
        if (!Objects.equals(before, after)) {
            changes.add(at + ": changed " + what + " from " + describe(before) + " to " + describe(after));
        }
    }

    /** A lower bound may only go down, an upper bound only up; adding one where there was none also narrows. */
    private static void tightened(String at, String keyword, JsonNode released, JsonNode current, boolean lowerBound,
            List<String> changes) {
        JsonNode before = released.get(keyword);
        JsonNode after = current.get(keyword);
        if (after == null) {
            return;
        }
        boolean narrower = before == null
                || (lowerBound ? after.decimalValue().compareTo(before.decimalValue()) > 0
                        : after.decimalValue().compareTo(before.decimalValue()) < 0);
        if (narrower) {
            changes.add(at + ": " + keyword + " tightened from " + describe(before) + " to " + after);
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static String describe(JsonNode node) {
        return node == null ? "none" : node.toString();
    }
}
