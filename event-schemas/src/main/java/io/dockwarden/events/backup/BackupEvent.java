package io.dockwarden.events.backup;

import io.dockwarden.events.EventData;

/** A command or fact about the backups of one volume; keyed by volume so that one volume's work stays in order. */
public interface BackupEvent extends EventData {

    String hostId();

    String volumeName();

    @Override
    default String subject() {
        return subjectOf(hostId(), volumeName());
    }

    static String subjectOf(String hostId, String volumeName) {
        return hostId + "/" + volumeName;
    }
}
