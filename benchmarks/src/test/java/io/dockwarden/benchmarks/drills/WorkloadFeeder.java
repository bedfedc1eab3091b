package io.dockwarden.benchmarks.drills;

import io.dockwarden.benchmarks.compliance.BulkProducer;
import io.dockwarden.benchmarks.compliance.ContainerEventWorkload;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Produces a workload at a steady rate in the background, as an inventory publishing a busy engine's events would:
 * records keep flowing while the drill breaks something.
 */
final class WorkloadFeeder implements AutoCloseable {

    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private volatile boolean finished;

    WorkloadFeeder(String bootstrapServers, ContainerEventWorkload workload, int perSecond) {
        thread = new Thread(() -> feed(bootstrapServers, workload, perSecond), "workload-feeder");
        thread.setDaemon(true);
        thread.start();
    }

    private void feed(String bootstrapServers, ContainerEventWorkload workload, int perSecond) {
        try (BulkProducer producer = new BulkProducer(bootstrapServers)) {
            ContainerEventWorkload.Generator generator = workload.generator();
            long started = System.nanoTime();
            while (generator.hasNext()) {
                long due = started + sent.get() * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                producer.send(generator.next());
                sent.incrementAndGet();
            }
            acknowledged.set(producer.flush());
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            finished = true;
        }
    }

    long sent() {
        return sent.get();
    }

    boolean finished() {
        return finished;
    }

    /** Waits until every record is acknowledged; returns how many were. */
    long awaitAcknowledged(long timeoutMillis) throws InterruptedException {
        thread.join(timeoutMillis);
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the feeder failed: " + failed.getMessage(), failed);
        }
        if (!finished) {
            throw new IllegalStateException("the feeder did not finish within " + timeoutMillis + " ms");
        }
        return acknowledged.get();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
