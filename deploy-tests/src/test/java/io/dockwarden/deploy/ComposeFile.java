package io.dockwarden.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A compose file as plain YAML (merge keys resolved), with readers for the service settings the tests look at. */
final class ComposeFile {

    private static final Pattern MEMORY = Pattern.compile("(?i)^(\\d+)\\s*([kmg]?)b?$");

    private final Path path;
    private final Map<String, Object> root;

    private ComposeFile(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
    }

    static ComposeFile load(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalStateException(path + " is not a YAML mapping");
            }
            return new ComposeFile(path, cast(map));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    Map<String, Service> services() {
        Map<String, Service> services = new LinkedHashMap<>();
        mapAt(root, "services").forEach((name, value) -> services.put(name, new Service(name, cast(value))));
        return services;
    }

    Service service(String name) {
        Service service = services().get(name);
        if (service == null) {
            throw new AssertionError(path.getFileName() + " has no service " + name);
        }
        return service;
    }

    Map<String, Object> topLevel(String key) {
        return mapAt(root, key);
    }

    /** One service's settings. */
    record Service(String name, Map<String, Object> settings) {

        boolean has(String key) {
            return settings.containsKey(key);
        }

        Optional<Object> get(String key) {
            return Optional.ofNullable(settings.get(key));
        }

        String string(String key) {
            Object value = settings.get(key);
            return value == null ? "" : String.valueOf(value);
        }

        Map<String, Object> map(String key) {
            return mapAt(settings, key);
        }

        List<String> strings(String key) {
            Object value = settings.get(key);
            List<String> strings = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(item -> strings.add(String.valueOf(item)));
            } else if (value != null) {
                strings.add(String.valueOf(value));
            }
            return strings;
        }

        /** The environment, from either the mapping or the {@code KEY=value} list form. */
        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            Object value = settings.get("environment");
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, entry) -> environment.put(String.valueOf(key), entry == null ? "" : String.valueOf(
                        entry)));
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    String text = String.valueOf(item);
                    int equals = text.indexOf('=');
                    environment.put(equals < 0 ? text : text.substring(0, equals),
                            equals < 0 ? "" : text.substring(equals + 1));
                }
            }
            return environment;
        }

        /** Dependencies with their conditions; the short list form has none and maps to {@code service_started}. */
        Map<String, String> dependencies() {
            Map<String, String> dependencies = new LinkedHashMap<>();
            Object value = settings.get("depends_on");
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, entry) -> {
                    Object condition = entry instanceof Map<?, ?> options ? options.get("condition") : null;
                    dependencies.put(String.valueOf(key), condition == null ? "service_started"
                            : String.valueOf(condition));
                });
            } else if (value instanceof List<?> list) {
                list.forEach(item -> dependencies.put(String.valueOf(item), "service_started"));
            }
            return dependencies;
        }

        /** Volume mounts as (source, target, read-only), from the short or the long syntax. */
        List<Mount> mounts() {
            List<Mount> mounts = new ArrayList<>();
            Object value = settings.get("volumes");
            if (!(value instanceof List<?> list)) {
                return mounts;
            }
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    mounts.add(new Mount(String.valueOf(map.get("source")), String.valueOf(map.get("target")),
                            Boolean.TRUE.equals(map.get("read_only"))));
                } else {
                    String[] parts = String.valueOf(item).split(":");
                    boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                    mounts.add(new Mount(parts[0], parts.length > 1 ? parts[1] : parts[0], readOnly));
                }
            }
            return mounts;
        }

        /** The memory limit in bytes from {@code mem_limit}, if set. */
        Optional<Long> memLimit() {
            return get("mem_limit").map(ComposeFile::bytes);
        }

        /** The memory limit in bytes from {@code deploy.resources.limits.memory}, if set. */
        Optional<Long> deployMemoryLimit() {
            Object memory = mapAt(mapAt(map("deploy"), "resources"), "limits").get("memory");
            return Optional.ofNullable(memory).map(ComposeFile::bytes);
        }

        /** A one-shot job: it runs to completion and is never restarted. */
        boolean isOneShot() {
            return "no".equals(string("restart"));
        }
    }

    /**
     * A volume mount.
     *
     * @param source host path or volume name
     * @param target path in the container
     * @param readOnly mounted read-only
     */
    record Mount(String source, String target, boolean readOnly) {
    }

    static long bytes(Object value) {
        Matcher matcher = MEMORY.matcher(String.valueOf(value).strip());
        if (!matcher.matches()) {
            throw new AssertionError("not a memory size: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "k" -> amount << 10;
            case "m" -> amount << 20;
            case "g" -> amount << 30;
            default -> amount;
        };
    }

    private static Map<String, Object> mapAt(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Map<?, ?> nested ? cast(nested) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
