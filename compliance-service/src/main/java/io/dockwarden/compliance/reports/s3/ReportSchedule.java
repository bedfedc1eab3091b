package io.dockwarden.compliance.reports.s3;

import io.dockwarden.compliance.ComplianceProperties;
import io.dockwarden.compliance.findings.kafka.KafkaSubjectStates;
import io.dockwarden.compliance.findings.kafka.PartitionOwnership;
import io.dockwarden.compliance.reports.Report;
import io.dockwarden.compliance.reports.ReportService;
import io.dockwarden.events.report.ReportPublished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Generates scheduled reports on the cron expression. Only the instance that consumes partition 0 of the container
 * events does, so that a scaled-out service writes one chain, not one per instance.
 */
final class ReportSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

    private final ReportService reports;
    private final PartitionOwnership ownership;
    private final KafkaSubjectStates states;
    private final ComplianceProperties.Reports settings;
    private final CronExpression cron;
    private final Counter generated;
    private final Counter failed;
    private @Nullable ScheduledExecutorService executor;
    private volatile boolean running;

    ReportSchedule(ReportService reports, PartitionOwnership ownership, KafkaSubjectStates states,
            ComplianceProperties.Reports settings, MeterRegistry registry) {
        this.reports = reports;
        this.ownership = ownership;
        this.states = states;
        this.settings = settings;
        this.cron = CronExpression.parse(settings.cron());
        this.generated = Counter.builder("dockwarden.compliance.reports").tag("trigger", Report.SCHEDULED)
                .tag("outcome", "archived").description("Reports generated").register(registry);
        this.failed = Counter.builder("dockwarden.compliance.reports").tag("trigger", Report.SCHEDULED)
                .tag("outcome", "failed").description("Reports generated").register(registry);
    }

    @Override
    public void start() {
        running = true;
        if (!settings.scheduled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "compliance-report-schedule");
            thread.setDaemon(true);
            return thread;
        });
        scheduleNext();
    }

    private void scheduleNext() {
        ScheduledExecutorService current = executor;
        if (current == null || current.isShutdown()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        ZonedDateTime next = cron.next(now);
        if (next == null) {
            log.warn("The report schedule '{}' has no next run", settings.cron());
            return;
        }
        current.schedule(this::run, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            if (ownership.leads() && states.ready()) {
                ReportPublished report = reports.generate(Report.SCHEDULED);
                generated.increment();
                log.info("Scheduled report {} archived in {} (score {}%)", report.reportId(), report.bucket(),
                        report.summary().scorePercent());
            }
        } catch (RuntimeException e) {
            failed.increment();
            log.error("The scheduled report failed; the next run tries again", e);
        } finally {
            scheduleNext();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
