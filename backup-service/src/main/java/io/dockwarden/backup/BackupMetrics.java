package io.dockwarden.backup;

import io.dockwarden.backup.backups.BackupObserver;
import io.dockwarden.backup.backups.BackupRequest;
import io.dockwarden.backup.backups.StepFailure;
import io.dockwarden.events.EventData;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupPruned;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Metrics of backups, restores and verifications: {@code dockwarden.backup.runs} (by outcome and failed step),
 * {@code dockwarden.backup.attempts.failed} (by step), {@code dockwarden.backup.duration},
 * {@code dockwarden.backup.tar.bytes}, {@code dockwarden.backup.stored.bytes}, {@code dockwarden.backup.throughput},
 * {@code dockwarden.backup.pruned}, {@code dockwarden.backup.restores} and {@code dockwarden.backup.verifications}.
 */
class BackupMetrics implements BackupObserver {

    private final MeterRegistry registry;

    BackupMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attemptFailed(BackupRequest request, StepFailure failure, int attempt, Duration backoff) {
        Counter.builder("dockwarden.backup.attempts.failed").description("Backup attempts that failed and were retried")
                .tag("step", failure.step().label()).register(registry).increment();
    }

    @Override
    public void outcome(EventData event) {
        if (event instanceof BackupCompleted completed) {
            runs("completed", "none");
            Timer.builder("dockwarden.backup.duration").description("Wall time of completed backups")
                    .register(registry).record(Duration.ofMillis(completed.durationMillis()));
            DistributionSummary.builder("dockwarden.backup.tar.bytes").baseUnit("bytes")
                    .description("Plain tar bytes per backup").register(registry).record(completed.tarBytes());
            DistributionSummary.builder("dockwarden.backup.stored.bytes").baseUnit("bytes")
                    .description("Stored bytes per backup").register(registry).record(completed.storedBytes());
            DistributionSummary.builder("dockwarden.backup.throughput").baseUnit("bytes/s")
                    .description("Tar bytes per second of wall time").register(registry)
                    .record(completed.throughputBytesPerSecond());
        } else if (event instanceof BackupFailed failed) {
            runs("failed", failed.step());
        } else if (event instanceof BackupPruned pruned) {
            Counter.builder("dockwarden.backup.pruned").description("Backups removed by retention")
                    .register(registry).increment(pruned.removed().size());
        } else if (event instanceof RestoreCompleted) {
            count("dockwarden.backup.restores", "completed");
        } else if (event instanceof RestoreFailed) {
            count("dockwarden.backup.restores", "failed");
        } else if (event instanceof BackupVerified verified) {
            count("dockwarden.backup.verifications", verified.ok() ? "ok" : "failed");
        }
    }

    private void runs(String outcome, String step) {
        Counter.builder("dockwarden.backup.runs").description("Backups by outcome").tag("outcome", outcome)
                .tag("step", step).register(registry).increment();
    }

    private void count(String name, String outcome) {
        Counter.builder(name).tag("outcome", outcome).register(registry).increment();
    }
}
