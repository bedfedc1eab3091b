package io.dockwarden.compliance.policy;

import io.dockwarden.compliance.definitions.DefinitionProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file or a directory of YAML files that is read again whenever its content changes (compared by hash, so that
 * editors that replace files and mounted secrets that swap symlinks are noticed alike). The parsed result is handed
 * on only when the whole set is accepted; otherwise the last good one stays and the problems are kept for health.
 *
 * @param <T> what the files parse into
 */
final class DefinitionSource<T> {

    private static final Logger log = LoggerFactory.getLogger(DefinitionSource.class);

    /**
     * The outcome of the last load.
     *
     * @param loadedAt when the files were last read
     * @param files the files read
     * @param problems why the last change was rejected, empty when it was accepted
     * @param acceptedAt when a change was last accepted
     */
    record Status(@Nullable Instant loadedAt, List<String> files, List<DefinitionProblem> problems,
            @Nullable Instant acceptedAt) {
    }

    private final String what;
    private final Path path;
    private final boolean directory;
    private final Function<Map<String, String>, Parsed<T>> parser;
    private final Consumer<T> onAccepted;
    private @Nullable String fingerprint;
    private volatile Status status = new Status(null, List.of(), List.of(), null);

    /**
     * What parsing gave: a value, or problems.
     *
     * @param value the parsed value when accepted
     * @param problems why not
     * @param <T> the value type
     */
    record Parsed<T>(@Nullable T value, List<DefinitionProblem> problems) {
    }

    DefinitionSource(String what, Path path, boolean directory, Function<Map<String, String>, Parsed<T>> parser,
            Consumer<T> onAccepted) {
        this.what = what;
        this.path = path;
        this.directory = directory;
        this.parser = parser;
        this.onAccepted = onAccepted;
    }

    Status status() {
        return status;
    }

    /** Reads the files if they changed; returns whether a new set was accepted. */
    synchronized boolean refresh() {
        Map<String, String> files;
        try {
            files = read();
        } catch (IOException e) {
            List<DefinitionProblem> problems = List.of(new DefinitionProblem(path.toString(), 0,
                    "cannot be read: " + e.getMessage()));
            if (!problems.equals(status.problems())) {
                log.error("{}: {} cannot be read; the last good set stays in force: {}", what, path, e.getMessage());
            }
            status = new Status(Instant.now(), status.files(), problems, status.acceptedAt());
            return false;
        }
        String next = fingerprint(files);
        if (next.equals(fingerprint)) {
            return false;
        }
        fingerprint = next;
        Parsed<T> parsed = parser.apply(files);
        Instant now = Instant.now();
        if (!parsed.problems().isEmpty() || parsed.value() == null) {
            for (DefinitionProblem problem : parsed.problems()) {
                log.error("{} rejected, the last good set stays in force: {}", what, problem);
            }
            status = new Status(now, List.copyOf(files.keySet()), parsed.problems(), status.acceptedAt());
            return false;
        }
        onAccepted.accept(parsed.value());
        log.info("{} loaded from {} ({} file(s))", what, path, files.size());
        status = new Status(now, List.copyOf(files.keySet()), List.of(), now);
        return true;
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (!directory) {
            files.put(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
            return files;
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("not a directory");
        }
        List<Path> yaml = new ArrayList<>();
        try (Stream<Path> listing = Files.list(path)) {
            listing.filter(file -> {
                String name = file.getFileName().toString();
                // Kubernetes mounts keep old versions in hidden "..data" folders; only visible files count.
                return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"))
                        && Files.isRegularFile(file);
            }).sorted().forEach(yaml::add);
        }
        for (Path file : yaml) {
            files.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        return files;
    }

    private static String fingerprint(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return what + " (" + path + ")";
    }
}
