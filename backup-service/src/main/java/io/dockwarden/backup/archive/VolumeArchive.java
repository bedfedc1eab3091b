package io.dockwarden.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A volume's tar as the engine's archive API streams it from a helper container that mounts the volume at
 * {@code /volume}: PAX, names under {@code volume/}, owners, modes, whole-second mtimes, symlinks and hardlinks. The
 * stored archive keeps that shape, so that writing it back at {@code /} of a helper that mounts the target at
 * {@code /volume} restores the root directory's mode and owner too. Both operations stream: one entry's content
 * passes through a fixed buffer, never held whole.
 */
public final class VolumeArchive {

    /** The directory helper containers mount the volume at, and the first name of every archive entry. */
    public static final String ROOT = "volume";
    public static final String MOUNT_PATH = "/" + ROOT;
    private static final String PREFIX = ROOT + "/";
    private static final int COPY_BUFFER = 64 * 1024;

    private VolumeArchive() {
    }

    /** Receives each entry of an archive, in archive order. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(ListedEntry entry) throws IOException;
    }

    /**
     * What a pass over an archive saw.
     *
     * @param entries entries kept (listed)
     * @param excluded entries left out by the exclude globs
     * @param contentBytes bytes of regular file content kept
     */
    public record Summary(long entries, long excluded, long contentBytes) {
    }

    /**
     * Copies the engine's archive to {@code target}, leaving out what the globs exclude, and lists what it keeps. A
     * hardlink whose content-bearing path was excluded is left out as well, since it has no content of its own.
     * {@code target} is finished as a tar but not closed.
     */
    public static Summary filter(InputStream source, OutputStream target, ExcludeFilter excludes, EntrySink sink)
            throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(source, StandardCharsets.UTF_8.name());
        TarArchiveOutputStream out = new TarArchiveOutputStream(target, StandardCharsets.UTF_8.name());
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        out.setAddPaxHeadersForNonAsciiNames(true);
        Set<String> excludedWithContent = new HashSet<>();
        byte[] buffer = new byte[COPY_BUFFER];
        long entries = 0;
        long excluded = 0;
        long contentBytes = 0;
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            String path = relativePath(entry.getName());
            EntryType type = typeOf(entry);
            String link = linkOf(entry, type);
            boolean leftOut = excludes.excludes(path)
                    || (type == EntryType.HARDLINK && link != null && excludedWithContent.contains(link));
            if (leftOut) {
                if (type == EntryType.FILE || type == EntryType.HARDLINK) {
                    excludedWithContent.add(path);
                }
                excluded++;
                continue;
            }
            out.putArchiveEntry(entry);
            String sha256 = null;
            long size = 0;
            if (type == EntryType.FILE) {
                MessageDigest digest = DigestingOutputStream.sha256();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    size += n;
                }
                sha256 = HexFormat.of().formatHex(digest.digest());
                contentBytes += size;
            }
            out.closeArchiveEntry();
            sink.accept(listed(entry, path, type, link, size, sha256));
            entries++;
        }
        out.finish();
        out.flush();
        while (source.read(buffer) >= 0) {
            // The engine pads past the end-of-archive records; reading it all ends the response cleanly.
        }
        return new Summary(entries, excluded, contentBytes);
    }

    /**
     * Reads an archive of this shape to its end and lists it; content is hashed, not kept.
     *
     * @throws IOException if the archive is malformed or has an entry outside {@code volume/}
     */
    public static Summary list(InputStream source, EntrySink sink) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(source, StandardCharsets.UTF_8.name());
        byte[] buffer = new byte[COPY_BUFFER];
        long entries = 0;
        long contentBytes = 0;
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            String path = relativePath(entry.getName());
            EntryType type = typeOf(entry);
            String sha256 = null;
            long size = 0;
            if (type == EntryType.FILE) {
                MessageDigest digest = DigestingOutputStream.sha256();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    digest.update(buffer, 0, n);
                    size += n;
                }
                sha256 = HexFormat.of().formatHex(digest.digest());
                contentBytes += size;
            }
            sink.accept(listed(entry, path, type, linkOf(entry, type), size, sha256));
            entries++;
        }
        // Past the end-of-archive records: the rest of the stream must be padding only.
        while (source.read(buffer) >= 0) {
            // Draining lets a digest below see every byte.
        }
        return new Summary(entries, 0, contentBytes);
    }

    private static ListedEntry listed(TarArchiveEntry entry, String path, EntryType type, @Nullable String link,
            long size, @Nullable String sha256) {
        return new ListedEntry(path, type, size, entry.getMode() & 07777, entry.getLongUserId(),
                entry.getLongGroupId(), link, sha256, entry.getLastModifiedTime().toInstant().getEpochSecond());
    }

    /**
     * The path of an entry relative to the volume root: {@code volume/a/b} is {@code a/b}, {@code volume/} is
     * {@code "."}.
     *
     * @throws IOException if the name lies outside {@code volume/} or climbs with {@code ..}
     */
    static String relativePath(String name) throws IOException {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (trimmed.equals(ROOT)) {
            return ".";
        }
        if (!trimmed.startsWith(PREFIX) || trimmed.length() == PREFIX.length()) {
            throw new IOException("the archive has an entry outside the volume: '" + name + "'");
        }
        String relative = trimmed.substring(PREFIX.length());
        for (String segment : relative.split("/")) {
            if (segment.equals("..") || segment.isEmpty()) {
                throw new IOException("the archive has an entry with an unsafe name: '" + name + "'");
            }
        }
        return relative;
    }

    private static @Nullable String linkOf(TarArchiveEntry entry, EntryType type) throws IOException {
        return switch (type) {
            case SYMLINK -> entry.getLinkName();
            case HARDLINK -> relativePath(entry.getLinkName());
            default -> null;
        };
    }

    private static EntryType typeOf(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return EntryType.DIRECTORY;
        }
        if (entry.isSymbolicLink()) {
            return EntryType.SYMLINK;
        }
        if (entry.isLink()) {
            return EntryType.HARDLINK;
        }
        if (entry.isCharacterDevice()) {
            return EntryType.CHAR_DEVICE;
        }
        if (entry.isBlockDevice()) {
            return EntryType.BLOCK_DEVICE;
        }
        if (entry.isFIFO()) {
            return EntryType.FIFO;
        }
        return EntryType.FILE;
    }
}
