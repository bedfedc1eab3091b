package io.dockwarden.snapshots;

import com.github.dockerjava.api.model.DockerObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the engine's JSON as docker-java keeps it beside its model ({@link DockerObject#getRawValues()}), for the
 * fields the model lacks (mount type and propagation, AppArmor profile, volume scope) or reshapes (capabilities parsed
 * into an enum, empty host addresses).
 */
final class Raw {

    private Raw() {
    }

    static Map<String, Object> of(@Nullable DockerObject object) {
        if (object == null) {
            return Map.of();
        }
        Map<String, Object> raw = object.getRawValues();
        return raw == null ? Map.of() : raw;
    }

    static boolean present(Map<String, Object> raw) {
        return !raw.isEmpty();
    }

    static @Nullable Object path(@Nullable Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static @Nullable String string(@Nullable Object node, String... keys) {
        Object value = path(node, keys);
        return value == null ? null : value.toString();
    }

    static @Nullable Boolean bool(@Nullable Object node, String... keys) {
        Object value = path(node, keys);
        if (value instanceof Boolean flag) {
            return flag;
        }
        return value == null ? null : Boolean.valueOf(value.toString());
    }

    static Map<String, Object> map(@Nullable Object node, String... keys) {
        Object value = path(node, keys);
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, entry) -> {
            if (key != null && entry != null) {
                copy.put(key.toString(), entry);
            }
        });
        return copy;
    }

    static List<Object> list(@Nullable Object node, String... keys) {
        Object value = path(node, keys);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Object> copy = new ArrayList<>();
        for (Object element : list) {
            if (element != null) {
                copy.add(element);
            }
        }
        return copy;
    }

    static List<String> strings(@Nullable Object node, String... keys) {
        List<String> strings = new ArrayList<>();
        for (Object element : list(node, keys)) {
            strings.add(element.toString());
        }
        return strings;
    }
}
