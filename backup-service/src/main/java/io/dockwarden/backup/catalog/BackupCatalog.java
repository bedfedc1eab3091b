package io.dockwarden.backup.catalog;

import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.backup.ports.ObjectStore.ObjectSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;

/**
 * The backups in the bucket, as their manifests describe them. Manifests never change once written, so they are read
 * once and kept; the bucket listing is always fresh.
 */
public final class BackupCatalog {

    private static final String JSON = "application/json";

    private final ObjectStore store;
    private final StorageLayout layout;
    private final Map<String, BackupManifest> manifests = new ConcurrentHashMap<>();

    public BackupCatalog(ObjectStore store, StorageLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    public StorageLayout layout() {
        return layout;
    }

    public String bucket() {
        return store.bucket();
    }

    /** Writes a manifest: from now on the backup exists. */
    public void write(BackupManifest manifest) {
        byte[] json = CatalogJson.mapper().writeValueAsBytes(manifest);
        String key = layout.manifestKey(manifest.hostId(), manifest.volumeName(), manifest.backupId());
        store.put(key, json, JSON);
        manifests.put(key, manifest);
    }

    /** Whether a backup's manifest exists, read directly rather than through a listing. */
    public boolean exists(String hostId, String volumeName, String backupId) {
        return store.read(layout.manifestKey(hostId, volumeName, backupId)).isPresent();
    }

    /** The backups of one volume, newest first. */
    public List<BackupManifest> ofVolume(String hostId, String volumeName) {
        return manifestsUnder(layout.volumePrefix(hostId, volumeName));
    }

    /** The backups of one host, newest first. */
    public List<BackupManifest> ofHost(String hostId) {
        return manifestsUnder(layout.hostPrefix(hostId));
    }

    /** Every backup in the bucket, newest first. */
    public List<BackupManifest> all() {
        return manifestsUnder(layout.prefix());
    }

    public Optional<BackupManifest> find(String backupId) {
        if (!BackupId.isValid(backupId)) {
            return Optional.empty();
        }
        for (ObjectSummary object : store.list(layout.prefix())) {
            if (layout.backupIdOfManifest(object.key()).filter(backupId::equals).isPresent()) {
                return Optional.of(read(object.key()));
            }
        }
        return Optional.empty();
    }

    /**
     * Removes a backup: its manifest first, so that it stops existing at once, then its objects. Objects left by a
     * removal cut short have no manifest and are swept as orphans.
     */
    public void delete(BackupManifest manifest) {
        String manifestKey = layout.manifestKey(manifest.hostId(), manifest.volumeName(), manifest.backupId());
        store.delete(manifestKey);
        manifests.remove(manifestKey);
        for (ObjectSummary object : store.list(layout.backupPrefix(manifest.hostId(), manifest.volumeName(),
                manifest.backupId()))) {
            store.delete(object.key());
        }
    }

    /**
     * Backup folders holding objects but no manifest whose newest object is older than the given time: what a crash
     * between upload and commit, or a removal cut short, leaves.
     */
    public List<String> orphanFolders(Instant olderThan) {
        Map<String, Instant> newestByFolder = new LinkedHashMap<>();
        Map<String, Boolean> hasManifest = new LinkedHashMap<>();
        for (ObjectSummary object : store.list(layout.prefix())) {
            Optional<String> folder = layout.backupFolderOf(object.key());
            if (folder.isEmpty()) {
                continue;
            }
            newestByFolder.merge(folder.get(), object.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
            hasManifest.merge(folder.get(), object.key().endsWith("/" + StorageLayout.MANIFEST), Boolean::logicalOr);
        }
        List<String> orphans = new ArrayList<>();
        newestByFolder.forEach((folder, newest) -> {
            if (!hasManifest.get(folder) && newest.isBefore(olderThan)) {
                orphans.add(folder);
            }
        });
        return orphans;
    }

    /** Deletes every object under a backup folder. */
    public void deleteFolder(String folder) {
        for (ObjectSummary object : store.list(folder)) {
            store.delete(object.key());
        }
    }

    private List<BackupManifest> manifestsUnder(String prefix) {
        List<BackupManifest> found = new ArrayList<>();
        for (ObjectSummary object : store.list(prefix)) {
            if (layout.backupIdOfManifest(object.key()).isPresent()) {
                found.add(read(object.key()));
            }
        }
        found.sort(Comparator.comparing(BackupManifest::startedAt).thenComparing(BackupManifest::backupId)
                .reversed());
        return found;
    }

    private BackupManifest read(String key) {
        BackupManifest cached = manifests.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] json = store.read(key).orElseThrow(() -> new io.dockwarden.backup.ports.StoreException(
                "manifest " + key + " disappeared while being read", true));
        try {
            BackupManifest manifest = CatalogJson.mapper().readValue(json, BackupManifest.class);
            manifests.put(key, manifest);
            return manifest;
        } catch (JacksonException e) {
            throw new io.dockwarden.backup.ports.StoreException("manifest " + key + " is not readable: "
                    + e.getOriginalMessage(), false, e);
        }
    }
}
