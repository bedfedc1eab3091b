package io.dockwarden.backup.archive;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-entry listing of a backup as JSON lines, one {@link ListedEntry} a line, in archive order. It is written and
 * read as a stream, so that a volume of millions of files never needs its listing in memory.
 */
public final class ArchiveListing {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArchiveListing() {
    }

    /** One line of the listing; the mode is octal text as people read it. */
    record Line(String path, String type, long size, String mode, long uid, long gid, @Nullable String link,
            @Nullable String sha256, long mtime) {

        static Line of(ListedEntry entry) {
            return new Line(entry.path(), entry.type().label(), entry.size(), entry.modeOctal(), entry.uid(),
                    entry.gid(), entry.link(), entry.sha256(), entry.mtime());
        }

        ListedEntry entry() {
            return new ListedEntry(path, EntryType.ofLabel(type), size, Integer.parseInt(mode, 8), uid, gid, link,
                    sha256, mtime);
        }
    }

    /** Writes entries as lines; {@link #close()} closes the target. */
    public static final class LineWriter implements VolumeArchive.EntrySink, Closeable {

        private final Writer writer;

        public LineWriter(OutputStream target) {
            this.writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 64 * 1024);
        }

        @Override
        public void accept(ListedEntry entry) throws IOException {
            try {
                writer.write(JSON.writeValueAsString(Line.of(entry)));
            } catch (JacksonException e) {
                throw new IOException("cannot write a listing line for " + entry.path(), e);
            }
            writer.write('\n');
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /** Reads a listing line by line; the iterator throws {@link UncheckedIOException} on a bad line. */
    public static Iterator<ListedEntry> read(InputStream source) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8), 64 * 1024);
        return new Iterator<>() {
            private @Nullable ListedEntry next;
            private long lineNumber;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                try {
                    String line;
                    do {
                        line = reader.readLine();
                        lineNumber++;
                    } while (line != null && line.isBlank());
                    if (line == null) {
                        return false;
                    }
                    next = JSON.readValue(line, Line.class).entry();
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new UncheckedIOException(new IOException("listing line " + lineNumber + " is invalid: "
                            + e.getMessage(), e));
                }
            }

            @Override
            public ListedEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ListedEntry result = next;
                next = null;
                return result;
            }
        };
    }
}
