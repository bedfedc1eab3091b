package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupId;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.catalog.StorageLayout;
import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupPruned;
import io.dockwarden.events.backup.BackupRequested;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Twelve backups with synthetic dates and one real one: retention keeps exactly what the policy says. */
class RetentionIT extends ServiceTestSupport {

    private static final String POLICY = "last=2,daily=3,weekly=4,monthly=4";

    @Autowired
    BackupCatalog catalog;

    @Autowired
    ObjectStore store;

    private final String volume = Volumes.unique("dw-retained");

    @AfterEach
    void removeVolume() {
        Volumes.remove(volume);
    }

    @Test
    void keepsTheLastTheNewestPerDayWeekAndMonthAndRemovesTheRest() throws Exception {
        Volumes.create(volume, Map.of("dockwarden.backup.retention", POLICY));
        Volumes.run(volume, "echo data > /data/file");
        Map<String, String> synthetic = new LinkedHashMap<>();
        for (String time : List.of("2025-06-30T22:00:00Z", "2025-06-30T10:00:00Z", "2025-06-29T10:00:00Z",
                "2025-06-28T10:00:00Z", "2025-06-20T10:00:00Z", "2025-06-02T10:00:00Z", "2025-05-31T10:00:00Z",
                "2025-05-15T10:00:00Z", "2025-04-10T10:00:00Z", "2025-03-05T10:00:00Z", "2025-02-01T10:00:00Z",
                "2024-12-31T10:00:00Z")) {
            synthetic.put(time, storeSyntheticBackup(Instant.parse(time)));
        }
        List<String> ids = List.copyOf(synthetic.values());

        String requestId = UUID.randomUUID().toString();
        send(new BackupRequested(requestId, HOST_ID, volume, Instant.now(), "it", "retention"));
        BackupCompleted completed = awaitEvent(EventCatalog.BACKUP_COMPLETED.type(), BackupCompleted.class,
                "requestId", requestId);
        BackupPruned pruned = awaitEvent(EventCatalog.BACKUP_PRUNED.type(), BackupPruned.class, "volumeName",
                volume);

        // Newest first: the real one, then s1..s12. last=2: real, s1. daily=3: real, s1 (06-30), s3 (06-29).
        // weekly=4: real, s1 (W27), s3 (W26), s5 (W25). monthly=4: real, s1 (June), s7 (May), s9 (April).
        List<String> kept = List.of(completed.backupId(), ids.get(0), ids.get(2), ids.get(4), ids.get(6), ids.get(8));
        List<String> removed = List.of(ids.get(1), ids.get(3), ids.get(5), ids.get(7), ids.get(9), ids.get(10),
                ids.get(11));
        assertThat(pruned.policy()).isEqualTo(POLICY);
        assertThat(pruned.keptCount()).isEqualTo(kept.size());
        assertThat(pruned.removed()).extracting(BackupPruned.RemovedBackup::backupId)
                .containsExactlyInAnyOrderElementsOf(removed);
        assertThat(catalog.ofVolume(HOST_ID, volume)).extracting(BackupManifest::backupId)
                .containsExactlyInAnyOrderElementsOf(kept);
        for (String id : removed) {
            assertThat(S3.objectKeys(BUCKET, catalog.layout().backupPrefix(HOST_ID, volume, id)))
                    .as("objects of pruned backup %s", id).isEmpty();
        }
    }

    private String storeSyntheticBackup(Instant startedAt) {
        String backupId = BackupId.of("synthetic", UUID.randomUUID().toString(), startedAt);
        StorageLayout layout = catalog.layout();
        String archiveKey = layout.archiveKey(HOST_ID, volume, backupId, true, true);
        String listingKey = layout.listingKey(HOST_ID, volume, backupId, true, true);
        for (String key : List.of(archiveKey, listingKey)) {
            store.put(key, ("synthetic " + key).getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        }
        String sha = "0".repeat(64);
        catalog.write(new BackupManifest(BackupManifest.FORMAT_VERSION, backupId, null, HOST_ID, volume, "local",
                Map.of(), "schedule", "schedule", startedAt, startedAt.plusSeconds(5), 5000,
                new BackupManifest.Archive(archiveKey, 10, sha, "etag", 10, sha, 1, 0, 0),
                new BackupManifest.Listing(listingKey, 10, sha, 1),
                new BackupManifest.Compression("zstd", 3),
                new BackupManifest.Encryption("AES-256-GCM", "synthetic", "DWAE/1", 1048576),
                List.of(), POLICY, List.of(), "it"));
        return backupId;
    }
}
