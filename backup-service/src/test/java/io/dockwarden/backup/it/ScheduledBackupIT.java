package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupStarted;
import io.dockwarden.events.volume.VolumeObserved;
import io.dockwarden.events.volume.VolumeRemoved;
import io.dockwarden.events.volume.VolumeSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Policies follow inventory events: a labelled volume is scheduled and backed up, a removed one unscheduled. */
class ScheduledBackupIT extends ServiceTestSupport {

    private final String volume = Volumes.unique("dw-scheduled");

    @AfterEach
    void removeVolume() {
        Volumes.remove(volume);
    }

    @Test
    void labelledVolumeFromInventoryEventsIsBackedUpOnScheduleAndUnscheduledWhenRemoved() {
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(15);
        // Six fields, one instant: the schedule fires once.
        String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                + at.getMonthValue() + " *";
        Map<String, String> labels = Map.of("dockwarden.backup.enabled", "true", "dockwarden.backup.schedule", cron,
                "dockwarden.backup.exclude", "*.tmp,cache");
        Volumes.create(volume, labels);
        Volumes.run(volume, "echo keep > /data/keep && echo scratch > /data/x.tmp && mkdir /data/cache"
                + " && echo c > /data/cache/entry");
        send(new VolumeObserved(HOST_ID, Instant.now(), new VolumeSnapshot(volume, "local",
                "/var/lib/docker/volumes/" + volume + "/_data", "local", Instant.now(), labels, List.of(),
                List.of())));

        awaitPolicy(true);
        assertThat(get("/api/policies").body()).contains(volume).contains("\"nextRun\"");

        BackupStarted started = awaitEvent(EventCatalog.BACKUP_STARTED.type(), BackupStarted.class, "volumeName",
                volume);
        assertThat(started.trigger()).isEqualTo("schedule");
        BackupCompleted completed = awaitEvent(EventCatalog.BACKUP_COMPLETED.type(), BackupCompleted.class,
                "backupId", started.backupId());
        // Root, keep: the excluded file and directory stay out.
        assertThat(completed.fileCount()).isEqualTo(2);
        assertThat(get("/api/backups/" + completed.backupId() + "/entries").body())
                .contains("\"path\":\"keep\"").doesNotContain("x.tmp").doesNotContain("cache");

        send(new VolumeRemoved(HOST_ID, Instant.now(), volume));
        awaitPolicy(false);
    }

    private void awaitPolicy(boolean listed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/api/policies").body().contains(volume) == listed) {
                return;
            }
            sleep();
        }
        throw new AssertionError("volume " + volume + (listed ? " never" : " still") + " listed in /api/policies: "
                + get("/api/policies").body());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
