package io.dockwarden.notification.grouping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and a scheduler that move only when the test advances them: timers run in due order, at once. */
final class ManualTime extends Clock implements Ports.Scheduler {

    private Instant now;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    private static final class Task {
        final Instant due;
        final long order;
        final Runnable runnable;
        boolean cancelled;

        Task(Instant due, long order, Runnable runnable) {
            this.due = due;
            this.order = order;
            this.runnable = runnable;
        }
    }

    ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Ports.Cancellable schedule(Duration delay, Runnable runnable) {
        Task task = new Task(now.plus(delay), sequence++, runnable);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves time forward, running every timer that falls due on the way. */
    void advance(Duration duration) {
        Instant end = now.plus(duration);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(task -> !task.cancelled && !task.due.isAfter(end))
                        .min(Comparator.comparing((Task task) -> task.due).thenComparingLong(task -> task.order))
                        .orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                tasks.remove(next);
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.runnable.run();
        }
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
