package io.dockwarden.backup.commands;

import io.dockwarden.backup.catalog.BackupId;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.backup.RestoreRequested;
import io.dockwarden.events.backup.VerificationRequested;
import io.dockwarden.stream.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns requests from the REST API and the schedulers into commands on {@code dockwarden.backup.commands}, keyed by
 * volume: every backup, restore and verification goes through the topic, so that one volume's work stays in one
 * partition, in order, on one instance at a time.
 */
public final class CommandPublisher {

    private final EventPublisher publisher;
    private final Operations operations;
    private final Clock clock;

    public CommandPublisher(EventPublisher publisher, Operations operations, Clock clock) {
        this.publisher = publisher;
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * A published command.
     *
     * @param requestId the request id (also the {@code ce_id})
     * @param id the backup, restore or verification id it will have
     */
    public record Published(String requestId, String id) {
    }

    public Published requestBackup(String hostId, String volumeName, String requestedBy, @Nullable String reason) {
        return requestBackup(UUID.randomUUID().toString(), hostId, volumeName, requestedBy, reason, clock.instant());
    }

    /** With a given request id and time, as the schedulers use to publish the same command from every instance. */
    public Published requestBackup(String requestId, String hostId, String volumeName, String requestedBy,
            @Nullable String reason, Instant requestedAt) {
        publisher.publish(new BackupRequested(requestId, hostId, volumeName, requestedAt, requestedBy, reason),
                requestId, requestedAt);
        String backupId = BackupId.of(CommandHandler.BACKUP, requestId, requestedAt);
        operations.update(new Operations.Status(backupId, CommandHandler.BACKUP, requestId, volumeName, backupId,
                Operations.State.REQUESTED, clock.instant(), null));
        return new Published(requestId, backupId);
    }

    public Published requestRestore(String backupId, String hostId, String targetVolume, String mode,
            String requestedBy) {
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        publisher.publish(new RestoreRequested(requestId, backupId, hostId, targetVolume, mode, now, requestedBy),
                requestId, now);
        String restoreId = BackupId.of(CommandHandler.RESTORE, requestId, now);
        operations.update(new Operations.Status(restoreId, CommandHandler.RESTORE, requestId, targetVolume, backupId,
                Operations.State.REQUESTED, now, null));
        return new Published(requestId, restoreId);
    }

    public Published requestVerification(String backupId, String hostId, String volumeName, String requestedBy) {
        return requestVerification(UUID.randomUUID().toString(), backupId, hostId, volumeName, requestedBy,
                clock.instant());
    }

    public Published requestVerification(String requestId, String backupId, String hostId, String volumeName,
            String requestedBy, Instant requestedAt) {
        publisher.publish(new VerificationRequested(requestId, backupId, hostId, volumeName, requestedAt,
                requestedBy), requestId, requestedAt);
        String verificationId = BackupId.of(CommandHandler.VERIFICATION, requestId, requestedAt);
        operations.update(new Operations.Status(verificationId, CommandHandler.VERIFICATION, requestId, volumeName,
                backupId, Operations.State.REQUESTED, clock.instant(), null));
        return new Published(requestId, verificationId);
    }
}
