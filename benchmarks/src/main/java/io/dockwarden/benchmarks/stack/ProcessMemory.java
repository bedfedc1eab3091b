package io.dockwarden.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Memory of a process as the kernel counts it: resident set now ({@code VmRSS}) and its high-water mark
 * ({@code VmHWM}), from {@code /proc/<pid>/status}.
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident set size in KiB, empty once the process is gone. */
    public static OptionalLong rssKib(long pid) {
        return field(status(pid), "VmRSS");
    }

    /** Peak resident set size in KiB, empty once the process is gone. */
    public static OptionalLong peakRssKib(long pid) {
        return field(status(pid), "VmHWM");
    }

    /** A {@code kB} field of a {@code /proc/<pid>/status} text. */
    static OptionalLong field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    private static String status(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException gone) {
            return "";
        }
    }
}
