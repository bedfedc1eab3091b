package io.dockwarden.compliance.checks.rules;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A path into a snapshot record such as {@code resources.memoryBytes}, {@code labels["com.example.team"]} or
 * {@code mounts.source} (a list fans out to its elements), checked against the record types when the rule is loaded
 * and turned into a chain of accessors, so that evaluating it reflects over nothing.
 */
public final class FieldPath {

    /** What the path ends on, which decides the operators it admits. */
    public enum Kind {
        STRING, NUMBER, BOOLEAN, TIME, LIST, MAP, OBJECT
    }

    private final String text;
    private final List<Step> steps;
    private final Kind kind;

    private FieldPath(String text, List<Step> steps, Kind kind) {
        this.text = text;
        this.steps = List.copyOf(steps);
        this.kind = kind;
    }

    /**
     * Compiles a path against a record type.
     *
     * @throws IllegalArgumentException naming the segment that does not exist and the fields that do
     */
    public static FieldPath compile(String text, Class<? extends Record> root) {
        List<String> segments = segments(text);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        List<Step> steps = new ArrayList<>();
        Type type = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            Class<?> raw = rawClass(type);
            if (Collection.class.isAssignableFrom(raw)) {
                // A list in the middle of a path: the rest applies to each element.
                steps.add(new Step.FanOut());
                type = typeArgument(type, 0);
                raw = rawClass(type);
            }
            if (Map.class.isAssignableFrom(raw)) {
                steps.add(new Step.MapKey(segment));
                type = typeArgument(type, 1);
            } else if (raw.isRecord()) {
                RecordComponent component = component(raw, segment, segments.subList(0, i));
                steps.add(new Step.Accessor(segment, accessor(component)));
                type = component.getGenericType();
            } else {
                throw new IllegalArgumentException("'" + String.join(".", segments.subList(0, i))
                        + "' is a single value; it has no field '" + segment + "'");
            }
        }
        return new FieldPath(text, steps, kindOf(rawClass(type)));
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** The values the path reaches: none when a step finds nothing, several when it crosses a list. */
    public List<Object> resolve(Object root) {
        List<Object> current = new ArrayList<>(1);
        current.add(root);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>(current.size());
            for (Object value : current) {
                step.apply(value, next);
            }
            if (next.isEmpty()) {
                return next;
            }
            current = next;
        }
        return current;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Kind kindOf(Class<?> raw) {
        if (raw == String.class || raw.isEnum()) {
            return Kind.STRING;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return Kind.NUMBER;
        }
        if (raw == java.time.Instant.class) {
            return Kind.TIME;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return Kind.LIST;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Kind.MAP;
        }
        return Kind.OBJECT;
    }

    private static RecordComponent component(Class<?> record, String name, List<String> before) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        String where = before.isEmpty() ? "a snapshot" : "'" + String.join(".", before) + "'";
        throw new IllegalArgumentException(where + " has no field '" + name + "'; its fields are " + names);
    }

    private static MethodHandle accessor(RecordComponent component) {
        try {
            return MethodHandles.publicLookup().unreflect(component.getAccessor())
                    .asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("field '" + component.getName() + "' cannot be read", e);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (index < arguments.length) {
                return arguments[index];
            }
        }
        return Object.class;
    }

    /** Splits {@code a.b["c.d"].e} into a, b, c.d, e; {@code [*]} after a list is accepted and implied anyway. */
    static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        int i = 0;
        int length = text.length();
        StringBuilder current = new StringBuilder();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '.') {
                flush(segments, current, text);
                i++;
            } else if (c == '[') {
                flushIfAny(segments, current);
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in path '" + text + "'");
                }
                String inside = text.substring(i + 1, close).strip();
                if (!inside.equals("*")) {
                    if (inside.length() >= 2 && (inside.charAt(0) == '"' || inside.charAt(0) == '\'')
                            && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                        segments.add(inside.substring(1, inside.length() - 1));
                    } else {
                        throw new IllegalArgumentException("write map keys in quotes, as in labels[\"a.b\"]; "
                                + "list positions are not supported, a list applies to each element: '" + text + "'");
                    }
                }
                i = close + 1;
                if (i < length && text.charAt(i) == '.') {
                    i++;
                }
            } else {
                current.append(c);
                i++;
            }
        }
        flushIfAny(segments, current);
        return segments;
    }

    private static void flush(List<String> segments, StringBuilder current, String text) {
        if (current.isEmpty()) {
            throw new IllegalArgumentException("empty segment in path '" + text + "'");
        }
        segments.add(current.toString().strip());
        current.setLength(0);
    }

    private static void flushIfAny(List<String> segments, StringBuilder current) {
        if (!current.isEmpty()) {
            segments.add(current.toString().strip());
            current.setLength(0);
        }
    }

    /** One step of a compiled path. */
    private sealed interface Step permits Step.Accessor, Step.MapKey, Step.FanOut {

        void apply(Object value, List<Object> out);

        record Accessor(String name, MethodHandle handle) implements Step {

            @Override
            public void apply(Object value, List<Object> out) {
                Object result;
                try {
                    result = handle.invokeExact(value);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read " + name, e);
                }
                if (result != null) {
                    out.add(result);
                }
            }
        }

        record MapKey(String key) implements Step {

            @Override
            public void apply(Object value, List<Object> out) {
                @Nullable Object result = ((Map<?, ?>) value).get(key);
                if (result != null) {
                    out.add(result);
                }
            }
        }

        record FanOut() implements Step {

            @Override
            public void apply(Object value, List<Object> out) {
                out.addAll((Collection<?>) value);
            }
        }
    }
}
