package io.dockwarden.benchmarks.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure of one run, written as {@code results.json} and {@code results.md} after each benchmark, so that an
 * interrupted run still leaves what it measured.
 */
public final class Results {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path directory;
    private final String title;
    private final RunEnvironment atStart;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private @Nullable RunEnvironment atEnd;

    public Results(Path directory, String title, RunEnvironment atStart) {
        this.directory = directory;
        this.title = title;
        this.atStart = atStart;
    }

    public Path directory() {
        return directory;
    }

    public synchronized void setting(String name, String value) {
        settings.put(name, value);
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized void addAll(List<Figure> more) {
        figures.addAll(more);
    }

    public synchronized void failed(String benchmark, String reason) {
        failures.add(new Failure(benchmark, reason));
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Writes both files, replacing what an earlier call wrote. */
    public synchronized void write() {
        atEnd = RunEnvironment.now();
        try {
            Files.createDirectories(directory);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("title", title);
            document.put("startedAt", atStart.at());
            document.put("finishedAt", atEnd.at());
            document.put("environmentAtStart", atStart);
            document.put("environmentAtEnd", atEnd);
            document.put("settings", settings);
            document.put("figures", figures);
            document.put("failures", failures);
            Files.writeString(directory.resolve("results.json"), JSON.writeValueAsString(document));
            Files.writeString(directory.resolve("results.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + directory, e);
        }
    }

    public synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Started ").append(atStart.at()).append(atEnd == null ? "" : ", finished " + atEnd.at())
                .append(". ").append(atStart.cpus()).append(" CPUs, ").append(atStart.memoryTotalMiB())
                .append(" MiB memory, ").append(atStart.javaVersion()).append(".\n");
        md.append("Load average at start ").append(load(atStart));
        if (atEnd != null) {
            md.append(", at end ").append(load(atEnd));
        }
        md.append(".\n\n");
        md.append(MarkdownTable.of(figures));
        if (!settings.isEmpty()) {
            md.append("\nSettings: ");
            List<String> pairs = new ArrayList<>();
            settings.forEach((name, value) -> pairs.add("`" + name + "=" + value + "`"));
            md.append(String.join(", ", pairs)).append(".\n");
        }
        List<Figure> missed = figures.stream().filter(Figure::missed).toList();
        if (!missed.isEmpty()) {
            md.append("\nGoals missed:\n");
            for (Figure figure : missed) {
                md.append("- ").append(figure.benchmark()).append(" / ").append(figure.metric()).append(": ")
                        .append(figure.goal()).append(" not met")
                        .append(figure.note().isEmpty() ? "" : " (" + figure.note() + ")").append('\n');
            }
        }
        if (!failures.isEmpty()) {
            md.append("\nNot measured:\n");
            failures.forEach(failure -> md.append("- ").append(failure.benchmark()).append(": ")
                    .append(failure.reason()).append('\n'));
        }
        return md.toString();
    }

    private static String load(RunEnvironment environment) {
        return Numbers.format(environment.loadAverage1m()) + " / " + Numbers.format(environment.loadAverage5m())
                + " / " + Numbers.format(environment.loadAverage15m()) + " (1/5/15 min)";
    }

    /**
     * A benchmark that could not produce its figures.
     *
     * @param benchmark which
     * @param reason why
     */
    public record Failure(String benchmark, String reason) {
    }
}
