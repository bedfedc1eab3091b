package io.dockwarden.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class VolumeArchiveTest {

    @Test
    void filterKeepsMetadataListsEntriesAndLeavesOutExcludedPaths() throws IOException {
        byte[] engineTar = tar(
                dir("volume/", 0750, 0, 0),
                file("volume/keep.txt", "keep", 0600, 1000, 1000),
                file("volume/skip.tmp", "skip", 0644, 0, 0),
                dir("volume/cache/", 0755, 0, 0),
                file("volume/cache/big", "cached", 0644, 0, 0),
                symlink("volume/link", "keep.txt"),
                hardlink("volume/keep-again", "volume/keep.txt"),
                file("volume/ünï.txt", "unicode", 0644, 0, 0));
        List<ListedEntry> listed = new ArrayList<>();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();

        VolumeArchive.Summary summary = VolumeArchive.filter(new ByteArrayInputStream(engineTar), stored,
                ExcludeFilter.parse("*.tmp,cache"), listed::add);

        assertThat(summary.entries()).isEqualTo(5);
        assertThat(summary.excluded()).isEqualTo(3);
        assertThat(listed).extracting(ListedEntry::path)
                .containsExactly(".", "keep.txt", "link", "keep-again", "ünï.txt");
        ListedEntry keep = listed.get(1);
        assertThat(keep.type()).isEqualTo(EntryType.FILE);
        assertThat(keep.modeOctal()).isEqualTo("0600");
        assertThat(keep.uid()).isEqualTo(1000);
        assertThat(keep.size()).isEqualTo(4);
        assertThat(keep.sha256()).isEqualTo("6ca7ea2feefc88ecb5ed6356ed963f47dc9137f82526fdd25d618ea626d0803f");
        assertThat(listed.get(0).modeOctal()).isEqualTo("0750");
        assertThat(listed.get(2).link()).isEqualTo("keep.txt");
        assertThat(listed.get(3).type()).isEqualTo(EntryType.HARDLINK);
        assertThat(listed.get(3).link()).isEqualTo("keep.txt");

        List<ListedEntry> reread = new ArrayList<>();
        VolumeArchive.list(new ByteArrayInputStream(stored.toByteArray()), reread::add);
        assertThat(reread).isEqualTo(listed);
    }

    @Test
    void aHardlinkToAnExcludedFileIsLeftOutToo() throws IOException {
        byte[] engineTar = tar(dir("volume/", 0755, 0, 0), file("volume/a.tmp", "x", 0644, 0, 0),
                hardlink("volume/b", "volume/a.tmp"));
        List<ListedEntry> listed = new ArrayList<>();
        VolumeArchive.filter(new ByteArrayInputStream(engineTar), new ByteArrayOutputStream(),
                ExcludeFilter.parse("*.tmp"), listed::add);
        assertThat(listed).extracting(ListedEntry::path).containsExactly(".");
    }

    @Test
    void entriesOutsideTheVolumeAreRefused() throws IOException {
        byte[] escaping = tar(dir("volume/", 0755, 0, 0), file("volume/../etc/passwd", "x", 0644, 0, 0));
        assertThatThrownBy(() -> VolumeArchive.list(new ByteArrayInputStream(escaping), entry -> {
        })).hasMessageContaining("unsafe name");
        byte[] elsewhere = tar(file("etc/passwd", "x", 0644, 0, 0));
        assertThatThrownBy(() -> VolumeArchive.list(new ByteArrayInputStream(elsewhere), entry -> {
        })).hasMessageContaining("outside the volume");
    }

    @Test
    void theListingRoundTripsThroughJsonLines() throws IOException {
        ListedEntry file = new ListedEntry("a/b c.txt", EntryType.FILE, 3, 04755, 1000, 50, null, "ab".repeat(32),
                1_700_000_000L);
        ListedEntry link = new ListedEntry("l", EntryType.SYMLINK, 0, 0777, 0, 0, "../x", null, 1L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArchiveListing.LineWriter writer = new ArchiveListing.LineWriter(out)) {
            writer.accept(file);
            writer.accept(link);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"mode\":\"4755\"");
        Iterator<ListedEntry> read = ArchiveListing.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.next()).isEqualTo(file);
        assertThat(read.next()).isEqualTo(link);
        assertThat(read.hasNext()).isFalse();
    }

    private record Entry(TarArchiveEntry header, byte[] content) {
    }

    private static Entry dir(String name, int mode, long uid, long gid) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040000 | mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        return new Entry(entry, new byte[0]);
    }

    private static Entry file(String name, String content, int mode, long uid, long gid) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        entry.setSize(bytes.length);
        entry.setMode(0100000 | mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        return new Entry(entry, bytes);
    }

    private static Entry symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        return new Entry(entry, new byte[0]);
    }

    private static Entry hardlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
        entry.setLinkName(target);
        return new Entry(entry, new byte[0]);
    }

    private static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setAddPaxHeadersForNonAsciiNames(true);
            for (Entry entry : entries) {
                out.putArchiveEntry(entry.header());
                out.write(entry.content());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
