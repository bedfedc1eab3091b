package io.dockwarden.benchmarks.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the machine was doing when the figures were measured: on a shared machine the load average is part of the
 * result.
 *
 * @param at when it was read
 * @param loadAverage1m the 1-minute load average
 * @param loadAverage5m the 5-minute load average
 * @param loadAverage15m the 15-minute load average
 * @param cpus processors available to the JVM
 * @param memoryTotalMiB physical memory
 * @param memoryAvailableMiB memory available for new processes
 * @param javaVersion the JVM running the benchmarks and the services
 * @param os the operating system and kernel
 */
public record RunEnvironment(Instant at, double loadAverage1m, double loadAverage5m, double loadAverage15m,
        int cpus, long memoryTotalMiB, long memoryAvailableMiB, String javaVersion, String os) {

    public static RunEnvironment now() {
        double[] load = loadAverages(read(Path.of("/proc/loadavg")));
        String meminfo = read(Path.of("/proc/meminfo"));
        return new RunEnvironment(Instant.now(), load[0], load[1], load[2], Runtime.getRuntime().availableProcessors(),
                meminfoKib(meminfo, "MemTotal") / 1024, meminfoKib(meminfo, "MemAvailable") / 1024,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The three load averages of a {@code /proc/loadavg} line; zeros where the file is missing (not Linux). */
    static double[] loadAverages(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        if (fields.length < 3) {
            return new double[3];
        }
        return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2])};
    }

    /** A {@code /proc/meminfo} value in KiB, 0 when absent. */
    static long meminfoKib(String meminfo, String field) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
