package io.dockwarden.backup.policy;

import io.dockwarden.backup.archive.ExcludeFilter;
import java.util.List;

/**
 * What the labels on a volume and on the containers mounting it ask for.
 *
 * @param volumeName the volume
 * @param enabled whether it is backed up on a schedule
 * @param schedule cron expression (5 or 6 fields) of scheduled backups
 * @param retention how many backups to keep
 * @param excludes paths left out
 * @param quiesce containers to stop, pause or run hooks in, in container name order
 * @param source where the policy came from: {@code volume}, {@code container <name>} or {@code defaults}
 */
public record BackupPolicy(String volumeName, boolean enabled, String schedule, RetentionPolicy retention,
        ExcludeFilter excludes, List<QuiesceTarget> quiesce, String source) {

    public BackupPolicy {
        quiesce = List.copyOf(quiesce);
    }
}
