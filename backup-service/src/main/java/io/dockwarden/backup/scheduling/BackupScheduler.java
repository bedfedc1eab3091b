package io.dockwarden.backup.scheduling;

import io.dockwarden.backup.commands.CommandPublisher;
import io.dockwarden.backup.policy.BackupPolicy;
import io.dockwarden.backup.ports.VolumeEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;

/**
 * Turns each enabled policy's cron schedule into {@code backup requested} commands. The request id is derived from the
 * volume and the scheduled instant, so that every instance scheduling the same volume publishes the same command, which
 * runs once.
 */
final class BackupScheduler {

    private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

    /**
     * What is scheduled for a volume.
     *
     * @param volumeName the volume
     * @param schedule the cron expression
     * @param nextRun the next scheduled instant, if the expression is valid
     * @param problem why nothing is scheduled, otherwise
     */
    record Schedule(String volumeName, String schedule, @Nullable Instant nextRun, @Nullable String problem) {
    }

    private record Planned(String schedule, Instant next, ScheduledFuture<?> future) {
    }

    private final PolicyRegistry registry;
    private final TaskScheduler scheduler;
    private final CommandPublisher publisher;
    private final VolumeEngine engine;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, Planned> planned = new TreeMap<>();
    private final Map<String, String> problems = new TreeMap<>();

    BackupScheduler(PolicyRegistry registry, TaskScheduler scheduler, CommandPublisher publisher, VolumeEngine engine,
            ZoneId zone, Clock clock) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.publisher = publisher;
        this.engine = engine;
        this.zone = zone;
        this.clock = clock;
        registry.onChange(this::reschedule);
    }

    synchronized void reschedule(Set<String> volumes) {
        for (String volume : volumes) {
            PolicyRegistry.Entry entry = registry.find(volume);
            BackupPolicy policy = entry == null ? null : entry.policy();
            Planned current = planned.get(volume);
            if (policy == null) {
                cancel(volume);
                problems.remove(volume);
                continue;
            }
            if (current != null && current.schedule().equals(policy.schedule())) {
                continue;
            }
            cancel(volume);
            plan(volume, policy.schedule());
        }
    }

    private void plan(String volume, String schedule) {
        CronExpression cron;
        try {
            cron = Crons.parse(schedule);
            problems.remove(volume);
        } catch (IllegalArgumentException e) {
            problems.put(volume, e.getMessage());
            log.warn("Volume {} is not scheduled: {}", volume, e.getMessage());
            return;
        }
        ZonedDateTime next = cron.next(ZonedDateTime.now(clock.withZone(zone)));
        if (next == null) {
            problems.put(volume, "cron expression '" + schedule + "' never fires");
            return;
        }
        Instant at = next.toInstant();
        ScheduledFuture<?> future = scheduler.schedule(() -> fire(volume, schedule, at), at);
        planned.put(volume, new Planned(schedule, at, future));
        log.debug("Next backup of {} at {} ({})", volume, at, schedule);
    }

    private void fire(String volume, String schedule, Instant scheduledAt) {
        try {
            String host = engine.hostId();
            publisher.requestBackup("schedule:" + host + "/" + volume + "@" + scheduledAt, host, volume, "schedule",
                    "cron " + schedule, scheduledAt);
        } catch (RuntimeException e) {
            log.error("Could not request the scheduled backup of {} at {}: {}", volume, scheduledAt, e.getMessage());
        } finally {
            synchronized (this) {
                Planned current = planned.get(volume);
                if (current != null && current.next().equals(scheduledAt)) {
                    planned.remove(volume);
                    plan(volume, schedule);
                }
            }
        }
    }

    private void cancel(String volume) {
        Planned current = planned.remove(volume);
        if (current != null) {
            current.future().cancel(false);
        }
    }

    synchronized List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        planned.forEach((volume, plan) -> schedules.add(new Schedule(volume, plan.schedule(), plan.next(), null)));
        problems.forEach((volume, problem) -> {
            PolicyRegistry.Entry entry = registry.find(volume);
            schedules.add(new Schedule(volume, entry != null && entry.policy() != null ? entry.policy().schedule()
                    : "", null, problem));
        });
        return schedules;
    }
}
