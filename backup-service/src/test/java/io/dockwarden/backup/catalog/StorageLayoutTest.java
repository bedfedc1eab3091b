package io.dockwarden.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorageLayoutTest {

    private final StorageLayout layout = new StorageLayout("/backups");

    @Test
    void keepsEachBackupInAFolderOfItsVolume() {
        assertThat(layout.archiveKey("h1", "db", "20261123T010203Z-abcdefabcdef", true, true))
                .isEqualTo("backups/h1/db/20261123T010203Z-abcdefabcdef/archive.tar.zst.dwae");
        assertThat(layout.listingKey("h1", "db", "20261123T010203Z-abcdefabcdef", false, false))
                .isEqualTo("backups/h1/db/20261123T010203Z-abcdefabcdef/listing.jsonl");
        String manifest = layout.manifestKey("h1", "db", "20261123T010203Z-abcdefabcdef");
        assertThat(layout.backupIdOfManifest(manifest)).contains("20261123T010203Z-abcdefabcdef");
        assertThat(layout.backupFolderOf(manifest)).contains("backups/h1/db/20261123T010203Z-abcdefabcdef/");
        assertThat(layout.backupFolderOf(layout.operationKey("r1"))).isEmpty();
    }

    @Test
    void idsDeriveFromTheRequestAndSortByItsTime() {
        Instant at = Instant.parse("2026-11-23T01:02:03Z");
        String id = BackupId.of("backup", "request-1", at);
        assertThat(id).isEqualTo(BackupId.of("backup", "request-1", at)).startsWith("20261123T010203Z-");
        assertThat(BackupId.isValid(id)).isTrue();
        assertThat(BackupId.of("restore", "request-1", at)).isNotEqualTo(id);
        assertThat(BackupId.of("backup", "request-2", at.plusSeconds(1))).isGreaterThan(id);
        assertThat(BackupId.isValid("../../etc")).isFalse();
    }
}
