package io.dockwarden.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What to run and how big: benchmark names, then {@code --name=value} flags. Every size has a default that keeps the
 * whole run within about 15 minutes on two cores.
 *
 * @param benchmarks the benchmarks to run, in the order they run
 * @param home the checkout, whose {@code <module>/target/<module>.jar} are the services
 * @param resultsRoot where the run's {@code <timestamp>/} directory goes
 * @param complianceEvents container events produced for the compliance throughput
 * @param complianceContainers distinct containers those events are about
 * @param complianceBudget the longest the service may take over them; the rate is measured over what it finished
 * @param jmhForks JMH forks per benchmark
 * @param jmhWarmupIterations JMH warm-up iterations
 * @param jmhIterations JMH measurement iterations
 * @param jmhIterationTime length of each JMH iteration
 * @param latencyContainers containers created for the detection latency
 * @param latencyInterval time between two of them
 * @param volumeBytes size of the backed-up volume
 * @param randomShare share of incompressible bytes in it
 * @param notificationAlerts finding events turned into alerts for the fan-out
 * @param webhookRatePerSecond the notification service's webhook rate limit during the fan-out
 * @param maxRun the whole run stops after this, whatever it is doing
 */
public record Options(List<String> benchmarks, Path home, Path resultsRoot, int complianceEvents,
        int complianceContainers, Duration complianceBudget, int jmhForks, int jmhWarmupIterations, int jmhIterations,
        Duration jmhIterationTime, int latencyContainers, Duration latencyInterval, long volumeBytes,
        double randomShare, int notificationAlerts, int webhookRatePerSecond, Duration maxRun) {

    public static final List<String> ALL = List.of("compliance", "jmh", "latency", "backup", "notification",
            "footprint");

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("home", ".");
        defaults.put("results", "benchmarks/results");
        defaults.put("compliance-events", "200000");
        defaults.put("compliance-containers", "20000");
        defaults.put("compliance-budget", "180s");
        defaults.put("jmh-forks", "1");
        defaults.put("jmh-warmup", "3");
        defaults.put("jmh-iterations", "5");
        defaults.put("jmh-time", "2s");
        defaults.put("latency-containers", "60");
        defaults.put("latency-interval", "1s");
        defaults.put("volume-size", "1g");
        defaults.put("random-share", "0.5");
        defaults.put("notification-alerts", "2000");
        defaults.put("webhook-rate", "100000");
        defaults.put("max-run", "40m");
        return defaults;
    }

    public static Options parse(String... args) {
        Set<String> selected = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("flags take a value: " + arg + "=<value>");
                }
                String name = arg.substring(2, equals);
                if (!DEFAULTS.containsKey(name)) {
                    throw new IllegalArgumentException("unknown flag --" + name);
                }
                values.put(name, arg.substring(equals + 1));
            } else if (arg.equals("all")) {
                selected.addAll(ALL);
            } else if (ALL.contains(arg)) {
                selected.add(arg);
            } else {
                throw new IllegalArgumentException("unknown benchmark '" + arg + "' (one of all, "
                        + String.join(", ", ALL) + ")");
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("name the benchmarks to run, or all");
        }
        List<String> ordered = new ArrayList<>(ALL);
        ordered.retainAll(selected);
        double randomShare = Double.parseDouble(values.get("random-share"));
        if (randomShare < 0 || randomShare > 1) {
            throw new IllegalArgumentException("--random-share must be between 0 and 1");
        }
        return new Options(List.copyOf(ordered), Path.of(values.get("home")), Path.of(values.get("results")),
                positive(values, "compliance-events"), positive(values, "compliance-containers"),
                duration(values.get("compliance-budget")), positive(values, "jmh-forks"),
                positive(values, "jmh-warmup"), positive(values, "jmh-iterations"),
                duration(values.get("jmh-time")), positive(values, "latency-containers"),
                duration(values.get("latency-interval")), bytes(values.get("volume-size")), randomShare,
                positive(values, "notification-alerts"), positive(values, "webhook-rate"),
                duration(values.get("max-run")));
    }

    /** The flags as given or defaulted, for the results' record of the run. */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("compliance-events", Integer.toString(complianceEvents));
        described.put("compliance-containers", Integer.toString(complianceContainers));
        described.put("compliance-budget", complianceBudget.toSeconds() + "s");
        described.put("jmh", jmhForks + " fork(s), " + jmhWarmupIterations + " warm-up + " + jmhIterations + " x "
                + jmhIterationTime.toMillis() + " ms");
        described.put("latency-containers", Integer.toString(latencyContainers));
        described.put("latency-interval", latencyInterval.toMillis() + "ms");
        described.put("volume-size", volumeBytes + " bytes");
        described.put("random-share", Double.toString(randomShare));
        described.put("notification-alerts", Integer.toString(notificationAlerts));
        described.put("webhook-rate", webhookRatePerSecond + "/s");
        return described;
    }

    public static String usage() {
        StringBuilder usage = new StringBuilder("usage: java -jar benchmarks/target/benchmarks.jar <all|"
                + String.join("|", ALL) + ">... [--flag=value...]\nflags (default):\n");
        DEFAULTS.forEach((name, value) -> usage.append("  --").append(name).append('=').append(value).append('\n'));
        return usage.toString();
    }

    private static int positive(Map<String, String> values, String name) {
        int value = Integer.parseInt(values.get(name).replace("_", ""));
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }

    /** {@code 500ms}, {@code 30s}, {@code 4m}, {@code 1h}. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (use ms, s, m or h)");
        };
    }

    /** {@code 1073741824}, {@code 512k}, {@code 256m}, {@code 1g} (binary multiples). */
    static long bytes(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("b")) {
            value = value.substring(0, value.length() - 1);
        }
        char unit = value.charAt(value.length() - 1);
        long multiplier = switch (unit) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = multiplier == 1 ? value : value.substring(0, value.length() - 1);
        long bytes = Long.parseLong(digits) * multiplier;
        if (bytes <= 0) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        return bytes;
    }
}
