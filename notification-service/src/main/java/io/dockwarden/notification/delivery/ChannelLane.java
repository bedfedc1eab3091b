package io.dockwarden.notification.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The way out for one channel kind: at most {@code maxConcurrency} sends at once (the rest queue) and at most
 * {@code ratePerSecond} sends per second, so that a flood of alerts never becomes a storm of connections.
 */
public final class ChannelLane implements AutoCloseable {

    private static final long CLOSE_GRACE_SECONDS = 10;

    private final String channel;
    private final int maxConcurrency;
    private final ExecutorService executor;
    private final TokenBucket rate;
    private final AtomicInteger active = new AtomicInteger();

    public ChannelLane(String channel, int maxConcurrency, double ratePerSecond, int burst) {
        this.channel = channel;
        this.maxConcurrency = maxConcurrency;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "deliver-" + channel + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        this.rate = new TokenBucket(ratePerSecond, burst, System::nanoTime);
    }

    public String channel() {
        return channel;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Sends in progress now. */
    public int active() {
        return active.get();
    }

    public <T> CompletableFuture<T> run(Supplier<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                rate.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
            active.incrementAndGet();
            try {
                return task.get();
            } finally {
                active.decrementAndGet();
            }
        }, executor);
    }

    /**
     * Lets the attempts under way finish and record their outcome (a retry parked, a receipt written) before the
     * threads are interrupted: interrupting an attempt between the receiver's answer and its record would make the
     * next start repeat it with an attempt count one short.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
