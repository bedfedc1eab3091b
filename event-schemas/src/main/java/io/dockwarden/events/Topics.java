package io.dockwarden.events;

import java.util.List;
import java.util.Set;

/** Kafka topic names of the public contract; each consumed topic has a dead-letter topic named {@code <topic>.dlq}. */
public final class Topics {

    public static final String CONTAINER_EVENTS = "dockwarden.inventory.container-events";
    /** Compacted: the latest snapshot per container, a tombstone once the container is removed. */
    public static final String CONTAINER_STATE = "dockwarden.inventory.container-state";
    public static final String VOLUME_EVENTS = "dockwarden.inventory.volume-events";
    public static final String HOST_EVENTS = "dockwarden.inventory.host-events";
    public static final String FINDINGS = "dockwarden.compliance.findings";
    public static final String REPORTS = "dockwarden.compliance.reports";
    public static final String BACKUP_COMMANDS = "dockwarden.backup.commands";
    public static final String BACKUP_EVENTS = "dockwarden.backup.events";
    public static final String NOTIFICATION_ALERTS = "dockwarden.notification.alerts";
    public static final String NOTIFICATION_DELIVERIES = "dockwarden.notification.deliveries";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static final List<String> ALL = List.of(CONTAINER_EVENTS, CONTAINER_STATE, VOLUME_EVENTS, HOST_EVENTS,
            FINDINGS, REPORTS, BACKUP_COMMANDS, BACKUP_EVENTS, NOTIFICATION_ALERTS, NOTIFICATION_DELIVERIES);

    /** Topics kept by key rather than by time: a record without value (a tombstone) removes its key. */
    public static final Set<String> COMPACTED = Set.of(CONTAINER_STATE);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isCompacted(String topic) {
        return COMPACTED.contains(topic);
    }
}
