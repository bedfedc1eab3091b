package io.dockwarden.backup.archive;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a volume as recorded at backup time and compared at verification.
 *
 * @param path path relative to the volume root; {@code "."} is the root
 * @param type what it is
 * @param size content bytes of a regular file, 0 otherwise
 * @param mode permission bits with set-id and sticky bits, such as {@code 0644}
 * @param uid owner
 * @param gid group
 * @param link a symlink's target, or the path a hardlink shares its content with
 * @param sha256 hex SHA-256 of a regular file's content
 * @param mtime modification time, in seconds since the epoch (the archive API keeps whole seconds)
 */
public record ListedEntry(String path, EntryType type, long size, int mode, long uid, long gid, @Nullable String link,
        @Nullable String sha256, long mtime) {

    public String modeOctal() {
        return String.format("%04o", mode);
    }
}
