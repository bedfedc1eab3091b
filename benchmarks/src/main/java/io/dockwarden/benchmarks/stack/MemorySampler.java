package io.dockwarden.benchmarks.stack;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Samples a process's resident set (and, for a service, its heap through the actuator) in the background while a
 * benchmark loads it, keeping the maxima. The kernel's own high-water mark is read too: it catches peaks between
 * samples.
 */
public final class MemorySampler implements AutoCloseable {

    private final long pid;
    private final @Nullable Actuator actuator;
    private final AtomicLong maxRssKib = new AtomicLong();
    private final AtomicLong peakRssKib = new AtomicLong();
    private final AtomicLong maxHeapBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private MemorySampler(long pid, @Nullable Actuator actuator, long intervalMillis) {
        this.pid = pid;
        this.actuator = actuator;
        this.thread = new Thread(() -> loop(intervalMillis), "memory-sampler-" + pid);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Samples the resident set of any process. */
    public static MemorySampler of(long pid, long intervalMillis) {
        return new MemorySampler(pid, null, intervalMillis);
    }

    /** Samples the resident set and the heap of a service. */
    public static MemorySampler ofService(long pid, Actuator actuator, long intervalMillis) {
        return new MemorySampler(pid, actuator, intervalMillis);
    }

    private void loop(long intervalMillis) {
        while (running) {
            sample();
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        OptionalLong rss = ProcessMemory.rssKib(pid);
        rss.ifPresent(kib -> maxRssKib.accumulateAndGet(kib, Math::max));
        OptionalLong peak = ProcessMemory.peakRssKib(pid);
        peak.ifPresent(kib -> peakRssKib.accumulateAndGet(kib, Math::max));
        if (actuator != null) {
            OptionalDouble heap = actuator.heapUsedBytes();
            heap.ifPresent(bytes -> maxHeapBytes.accumulateAndGet((long) bytes, Math::max));
        }
    }

    /** The largest resident set sampled, in MiB. */
    public double maxRssMiB() {
        return maxRssKib.get() / 1024.0;
    }

    /** The kernel's high-water mark of the resident set, in MiB (0 if the process was never seen). */
    public double peakRssMiB() {
        return peakRssKib.get() / 1024.0;
    }

    /** The largest heap in use sampled, in MiB (0 without an actuator). */
    public double maxHeapMiB() {
        return maxHeapBytes.get() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        sample();
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
