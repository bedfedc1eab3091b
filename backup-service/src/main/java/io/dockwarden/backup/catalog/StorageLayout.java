package io.dockwarden.backup.catalog;

import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a backup's objects live in the bucket: one folder per backup under its host and volume,
 * {@code <prefix><hostId>/<volume>/<backupId>/}, holding {@code archive.tar[.zst][.dwae]},
 * {@code listing.jsonl[.zst][.dwae]} and, written last, {@code manifest.json}. Records of finished operations live under
 * {@code <prefix>_operations/}.
 */
public final class StorageLayout {

    public static final String MANIFEST = "manifest.json";
    private static final String OPERATIONS = "_operations/";

    private final String prefix;

    public StorageLayout(String prefix) {
        String normalized = prefix.strip();
        while (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.isEmpty() && !normalized.endsWith("/")) {
            normalized += "/";
        }
        this.prefix = normalized;
    }

    public String prefix() {
        return prefix;
    }

    public String volumePrefix(String hostId, String volumeName) {
        return prefix + hostId + "/" + volumeName + "/";
    }

    public String hostPrefix(String hostId) {
        return prefix + hostId + "/";
    }

    public String backupPrefix(String hostId, String volumeName, String backupId) {
        return volumePrefix(hostId, volumeName) + backupId + "/";
    }

    public String archiveKey(String hostId, String volumeName, String backupId, boolean compressed,
            boolean encrypted) {
        return backupPrefix(hostId, volumeName, backupId) + "archive.tar" + (compressed ? ".zst" : "")
                + (encrypted ? ".dwae" : "");
    }

    public String listingKey(String hostId, String volumeName, String backupId, boolean compressed,
            boolean encrypted) {
        return backupPrefix(hostId, volumeName, backupId) + "listing.jsonl" + (compressed ? ".zst" : "")
                + (encrypted ? ".dwae" : "");
    }

    public String manifestKey(String hostId, String volumeName, String backupId) {
        return backupPrefix(hostId, volumeName, backupId) + MANIFEST;
    }

    public String operationKey(String requestId) {
        return prefix + OPERATIONS + HexFormat.of().formatHex(BackupId.sha256(requestId), 0, 16) + ".json";
    }

    public boolean isOperationKey(String key) {
        return key.startsWith(prefix + OPERATIONS);
    }

    /** The backup id of a manifest key, if the key is one. */
    public Optional<String> backupIdOfManifest(String key) {
        if (!key.startsWith(prefix) || !key.endsWith("/" + MANIFEST)) {
            return Optional.empty();
        }
        String folder = key.substring(0, key.length() - MANIFEST.length() - 1);
        return Optional.of(folder.substring(folder.lastIndexOf('/') + 1));
    }

    /** The backup folder a key lies in ({@code <prefix><host>/<volume>/<id>/}), if it lies in one. */
    public Optional<String> backupFolderOf(String key) {
        if (!key.startsWith(prefix) || isOperationKey(key)) {
            return Optional.empty();
        }
        String[] parts = key.substring(prefix.length()).split("/");
        if (parts.length < 4) {
            return Optional.empty();
        }
        return Optional.of(prefix + parts[0] + "/" + parts[1] + "/" + parts[2] + "/");
    }

    /** The encryption context of a backup's archive object. */
    public static String archiveContext(String backupId) {
        return "backup/" + backupId + "/archive";
    }

    /** The encryption context of a backup's listing object. */
    public static String listingContext(String backupId) {
        return "backup/" + backupId + "/listing";
    }
}
