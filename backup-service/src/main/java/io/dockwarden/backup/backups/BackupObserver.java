package io.dockwarden.backup.backups;

import io.dockwarden.events.EventData;
import java.time.Duration;

/** Hears how backups go, for metrics and logs. */
public interface BackupObserver {

    /** An attempt failed and will be tried again after the backoff. */
    void attemptFailed(BackupRequest request, StepFailure failure, int attempt, Duration backoff);

    /** The outcome of a backup, restore or verification: a completed, failed, pruned, restored or verified event. */
    void outcome(EventData event);

    BackupObserver NONE = new BackupObserver() {
        @Override
        public void attemptFailed(BackupRequest request, StepFailure failure, int attempt, Duration backoff) {
        }

        @Override
        public void outcome(EventData event) {
        }
    };
}
