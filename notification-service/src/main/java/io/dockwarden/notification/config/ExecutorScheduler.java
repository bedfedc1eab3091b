package io.dockwarden.notification.config;

import io.dockwarden.notification.grouping.Ports;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dispatcher's timers and the routing file check, on one daemon thread. */
final class ExecutorScheduler implements Ports.Scheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatch-timers");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Ports.Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delay.toMillis()),
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    void every(Duration interval, Runnable task) {
        executor.scheduleWithFixedDelay(guarded(task), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failing task must not cancel the ones after it on this thread.
                log.error("Scheduled task failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
