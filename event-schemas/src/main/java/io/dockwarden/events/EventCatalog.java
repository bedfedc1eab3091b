package io.dockwarden.events;

import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupPruned;
import io.dockwarden.events.backup.BackupRequested;
import io.dockwarden.events.backup.BackupStarted;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreFailed;
import io.dockwarden.events.backup.RestoreRequested;
import io.dockwarden.events.backup.VerificationRequested;
import io.dockwarden.events.container.ContainerCreated;
import io.dockwarden.events.container.ContainerDied;
import io.dockwarden.events.container.ContainerHealthChanged;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerPaused;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.container.ContainerRenamed;
import io.dockwarden.events.container.ContainerStarted;
import io.dockwarden.events.container.ContainerStateRecorded;
import io.dockwarden.events.container.ContainerStopped;
import io.dockwarden.events.container.ContainerUnpaused;
import io.dockwarden.events.container.ContainerUpdated;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.events.notification.AlertPublished;
import io.dockwarden.events.notification.NotificationDelivered;
import io.dockwarden.events.notification.NotificationFailed;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeRemoved;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the contract; the AsyncAPI document and the schema files list exactly these. */
public final class EventCatalog {

    public static final EventType<ContainerObserved> CONTAINER_OBSERVED =
            new EventType<>("io.dockwarden.container.observed.v1", Topics.CONTAINER_EVENTS, ContainerObserved.class);
    public static final EventType<ContainerCreated> CONTAINER_CREATED =
            new EventType<>("io.dockwarden.container.created.v1", Topics.CONTAINER_EVENTS, ContainerCreated.class);
    public static final EventType<ContainerStarted> CONTAINER_STARTED =
            new EventType<>("io.dockwarden.container.started.v1", Topics.CONTAINER_EVENTS, ContainerStarted.class);
    public static final EventType<ContainerStopped> CONTAINER_STOPPED =
            new EventType<>("io.dockwarden.container.stopped.v1", Topics.CONTAINER_EVENTS, ContainerStopped.class);
    public static final EventType<ContainerDied> CONTAINER_DIED =
            new EventType<>("io.dockwarden.container.died.v1", Topics.CONTAINER_EVENTS, ContainerDied.class);
    public static final EventType<ContainerPaused> CONTAINER_PAUSED =
            new EventType<>("io.dockwarden.container.paused.v1", Topics.CONTAINER_EVENTS, ContainerPaused.class);
    public static final EventType<ContainerUnpaused> CONTAINER_UNPAUSED =
            new EventType<>("io.dockwarden.container.unpaused.v1", Topics.CONTAINER_EVENTS, ContainerUnpaused.class);
    public static final EventType<ContainerRenamed> CONTAINER_RENAMED =
            new EventType<>("io.dockwarden.container.renamed.v1", Topics.CONTAINER_EVENTS, ContainerRenamed.class);
    public static final EventType<ContainerUpdated> CONTAINER_UPDATED =
            new EventType<>("io.dockwarden.container.updated.v1", Topics.CONTAINER_EVENTS, ContainerUpdated.class);
    public static final EventType<ContainerHealthChanged> CONTAINER_HEALTH_CHANGED = new EventType<>(
            "io.dockwarden.container.health-changed.v1", Topics.CONTAINER_EVENTS, ContainerHealthChanged.class);
    public static final EventType<ContainerRemoved> CONTAINER_REMOVED =
            new EventType<>("io.dockwarden.container.removed.v1", Topics.CONTAINER_EVENTS, ContainerRemoved.class);
    public static final EventType<ContainerStateRecorded> CONTAINER_STATE_RECORDED = new EventType<>(
            "io.dockwarden.container.recorded.v1", Topics.CONTAINER_STATE, ContainerStateRecorded.class);

    public static final EventType<VolumeObserved> VOLUME_OBSERVED =
            new EventType<>("io.dockwarden.volume.observed.v1", Topics.VOLUME_EVENTS, VolumeObserved.class);
    public static final EventType<VolumeRemoved> VOLUME_REMOVED =
            new EventType<>("io.dockwarden.volume.removed.v1", Topics.VOLUME_EVENTS, VolumeRemoved.class);
    public static final EventType<HostObserved> HOST_OBSERVED =
            new EventType<>("io.dockwarden.host.observed.v1", Topics.HOST_EVENTS, HostObserved.class);

    public static final EventType<FindingOpened> FINDING_OPENED =
            new EventType<>("io.dockwarden.finding.opened.v1", Topics.FINDINGS, FindingOpened.class);
    public static final EventType<FindingResolved> FINDING_RESOLVED =
            new EventType<>("io.dockwarden.finding.resolved.v1", Topics.FINDINGS, FindingResolved.class);
    public static final EventType<FindingWaived> FINDING_WAIVED =
            new EventType<>("io.dockwarden.finding.waived.v1", Topics.FINDINGS, FindingWaived.class);
    public static final EventType<ReportPublished> REPORT_PUBLISHED =
            new EventType<>("io.dockwarden.report.published.v1", Topics.REPORTS, ReportPublished.class);

    public static final EventType<BackupRequested> BACKUP_REQUESTED =
            new EventType<>("io.dockwarden.backup.requested.v1", Topics.BACKUP_COMMANDS, BackupRequested.class);
    public static final EventType<RestoreRequested> RESTORE_REQUESTED =
            new EventType<>("io.dockwarden.restore.requested.v1", Topics.BACKUP_COMMANDS, RestoreRequested.class);
    public static final EventType<VerificationRequested> VERIFICATION_REQUESTED = new EventType<>(
            "io.dockwarden.verification.requested.v1", Topics.BACKUP_COMMANDS, VerificationRequested.class);
    public static final EventType<BackupStarted> BACKUP_STARTED =
            new EventType<>("io.dockwarden.backup.started.v1", Topics.BACKUP_EVENTS, BackupStarted.class);
    public static final EventType<BackupCompleted> BACKUP_COMPLETED =
            new EventType<>("io.dockwarden.backup.completed.v1", Topics.BACKUP_EVENTS, BackupCompleted.class);
    public static final EventType<BackupFailed> BACKUP_FAILED =
            new EventType<>("io.dockwarden.backup.failed.v1", Topics.BACKUP_EVENTS, BackupFailed.class);
    public static final EventType<BackupPruned> BACKUP_PRUNED =
            new EventType<>("io.dockwarden.backup.pruned.v1", Topics.BACKUP_EVENTS, BackupPruned.class);
    public static final EventType<BackupVerified> BACKUP_VERIFIED =
            new EventType<>("io.dockwarden.backup.verified.v1", Topics.BACKUP_EVENTS, BackupVerified.class);
    public static final EventType<RestoreCompleted> RESTORE_COMPLETED =
            new EventType<>("io.dockwarden.restore.completed.v1", Topics.BACKUP_EVENTS, RestoreCompleted.class);
    public static final EventType<RestoreFailed> RESTORE_FAILED =
            new EventType<>("io.dockwarden.restore.failed.v1", Topics.BACKUP_EVENTS, RestoreFailed.class);

    public static final EventType<AlertPublished> ALERT_PUBLISHED =
            new EventType<>("io.dockwarden.alert.published.v1", Topics.NOTIFICATION_ALERTS, AlertPublished.class);
    public static final EventType<NotificationDelivered> NOTIFICATION_DELIVERED = new EventType<>(
            "io.dockwarden.notification.delivered.v1", Topics.NOTIFICATION_DELIVERIES, NotificationDelivered.class);
    public static final EventType<NotificationFailed> NOTIFICATION_FAILED = new EventType<>(
            "io.dockwarden.notification.failed.v1", Topics.NOTIFICATION_DELIVERIES, NotificationFailed.class);

    public static final List<EventType<?>> ALL = List.of(CONTAINER_OBSERVED, CONTAINER_CREATED, CONTAINER_STARTED,
            CONTAINER_STOPPED, CONTAINER_DIED, CONTAINER_PAUSED, CONTAINER_UNPAUSED, CONTAINER_RENAMED,
            CONTAINER_UPDATED, CONTAINER_HEALTH_CHANGED, CONTAINER_REMOVED, CONTAINER_STATE_RECORDED,
            VOLUME_OBSERVED, VOLUME_REMOVED, HOST_OBSERVED, FINDING_OPENED, FINDING_RESOLVED, FINDING_WAIVED,
            REPORT_PUBLISHED, BACKUP_REQUESTED, RESTORE_REQUESTED, VERIFICATION_REQUESTED, BACKUP_STARTED,
            BACKUP_COMPLETED, BACKUP_FAILED, BACKUP_PRUNED, BACKUP_VERIFIED, RESTORE_COMPLETED, RESTORE_FAILED,
            ALERT_PUBLISHED, NOTIFICATION_DELIVERED, NOTIFICATION_FAILED);

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    @SuppressWarnings("unchecked")
    public static <T extends EventData> EventType<T> of(T data) {
        EventType<?> type = BY_CLASS.get(data.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not an event of the contract: " + data.getClass().getName());
        }
        return (EventType<T>) type;
    }

    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }
}
