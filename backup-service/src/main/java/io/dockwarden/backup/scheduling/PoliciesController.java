package io.dockwarden.backup.scheduling;

import io.dockwarden.backup.policy.BackupPolicy;
import io.dockwarden.backup.policy.QuiesceTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The volumes with a backup policy, what their labels say, and when they run next. */
@RestController
@RequestMapping("/api/policies")
class PoliciesController {

    private final PolicyRegistry registry;
    private final BackupScheduler scheduler;
    private final ObjectProvider<VerificationScheduler> verification;

    PoliciesController(PolicyRegistry registry, BackupScheduler scheduler,
            ObjectProvider<VerificationScheduler> verification) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.verification = verification;
    }

    /**
     * A volume's policy.
     *
     * @param volumeName the volume
     * @param source where the policy comes from
     * @param schedule cron expression
     * @param nextRun next scheduled backup
     * @param retention retention policy
     * @param excludes exclude globs
     * @param quiesce containers stopped, paused or hooked
     * @param problem why the volume is not scheduled, if it is not
     * @param origin what reported the labels last: event or scan
     * @param updatedAt when
     */
    record PolicyView(String volumeName, @Nullable String source, @Nullable String schedule, @Nullable Instant nextRun,
            @Nullable String retention, List<String> excludes, List<String> quiesce, @Nullable String problem,
            String origin, Instant updatedAt) {
    }

    /**
     * The answer.
     *
     * @param volumes the volumes with a policy
     * @param nextVerification when the latest backups are verified next
     */
    record Policies(List<PolicyView> volumes, @Nullable Instant nextVerification) {
    }

    @GetMapping
    Policies policies() {
        Map<String, BackupScheduler.Schedule> schedules = scheduler.schedules().stream()
                .collect(Collectors.toMap(BackupScheduler.Schedule::volumeName, Function.identity(), (a, b) -> a));
        List<PolicyView> views = registry.entries().stream().map(entry -> {
            BackupPolicy policy = entry.policy();
            BackupScheduler.Schedule schedule = schedules.get(entry.volumeName());
            String problem = entry.problem() != null ? entry.problem() : schedule == null ? null : schedule.problem();
            return new PolicyView(entry.volumeName(), policy == null ? null : policy.source(),
                    policy == null ? null : policy.schedule(), schedule == null ? null : schedule.nextRun(),
                    policy == null ? null : policy.retention().text(),
                    policy == null ? List.of() : policy.excludes().globs(),
                    policy == null ? List.of() : policy.quiesce().stream().map(PoliciesController::describe).toList(),
                    problem, entry.origin(), entry.updatedAt());
        }).toList();
        VerificationScheduler verifications = verification.getIfAvailable();
        return new Policies(views, verifications == null ? null : verifications.nextRun());
    }

    private static String describe(QuiesceTarget target) {
        StringBuilder text = new StringBuilder(target.containerName()).append(':')
                .append(target.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (target.preExec() != null) {
            text.append("+pre-exec");
        }
        if (target.postExec() != null) {
            text.append("+post-exec");
        }
        return text.toString();
    }
}
