package io.dockwarden.backup.backups;

import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.policy.Retention;
import io.dockwarden.backup.policy.RetentionPolicy;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.events.backup.BackupPruned;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6: applies the volume's retention policy after a backup succeeded. {@link Retention} never lets the newest
 * backup go, so a volume always keeps at least the one just made.
 */
public final class PruneBackups {

    private static final Logger log = LoggerFactory.getLogger(PruneBackups.class);

    private final BackupCatalog catalog;
    private final Retrying retrying;
    private final ZoneId zone;

    public PruneBackups(BackupCatalog catalog, Retrying retrying, ZoneId zone) {
        this.catalog = catalog;
        this.retrying = retrying;
        this.zone = zone;
    }

    /**
     * Removes what the policy does not keep.
     *
     * @return the pruned event, or nothing if nothing went
     * @throws StepFailure (prune) if the catalogue cannot be read or a backup cannot be removed
     */
    public Optional<BackupPruned> prune(String hostId, String volumeName, RetentionPolicy policy, Instant now) {
        try {
            List<BackupManifest> backups = retrying.call("listing backups of " + volumeName,
                    () -> catalog.ofVolume(hostId, volumeName));
            Map<String, BackupManifest> byId = backups.stream()
                    .collect(Collectors.toMap(BackupManifest::backupId, Function.identity()));
            Retention.Decision decision = Retention.apply(backups.stream()
                    .map(m -> new Retention.Candidate(m.backupId(), m.startedAt())).toList(), policy, zone);
            if (decision.removed().isEmpty()) {
                return Optional.empty();
            }
            List<BackupPruned.RemovedBackup> removed = new ArrayList<>();
            for (Retention.Candidate candidate : decision.removed()) {
                BackupManifest manifest = byId.get(candidate.backupId());
                retrying.run("removing backup " + candidate.backupId(), () -> catalog.delete(manifest));
                removed.add(new BackupPruned.RemovedBackup(candidate.backupId(), candidate.createdAt()));
                log.info("Pruned backup {} of {} ({}): not kept by {}", candidate.backupId(), volumeName,
                        candidate.createdAt(), policy.text());
            }
            return Optional.of(new BackupPruned(hostId, volumeName, now, policy.text(), removed,
                    decision.kept().size()));
        } catch (RuntimeException e) {
            throw new StepFailure(Step.PRUNE, "pruning backups of " + volumeName + " failed: " + e.getMessage(),
                    Retrying.isRetryable(e), e);
        }
    }
}
