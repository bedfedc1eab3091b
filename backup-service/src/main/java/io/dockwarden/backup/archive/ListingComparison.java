package io.dockwarden.backup.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Compares the listing recorded at backup time with the entries of a restored volume as they arrive, in one pass and
 * without holding either listing: both are in the engine's walk order (names sorted per directory), which
 * {@link #WALK_ORDER} reproduces. Modification times are not compared: the archive API keeps them, but a directory's
 * changes when its content is written.
 */
public final class ListingComparison implements VolumeArchive.EntrySink {

    /** Path order of the engine's archive walk: component by component, names compared as UTF-8 bytes. */
    public static final Comparator<String> WALK_ORDER = ListingComparison::compareWalkOrder;

    private final Iterator<ListedEntry> recorded;
    private final int maxMismatches;
    private final List<Mismatch> mismatches = new ArrayList<>();
    private long mismatchCount;
    private long compared;
    private @Nullable ListedEntry pending;
    private @Nullable String lastActualPath;

    /**
     * One entry that differs.
     *
     * @param path the entry's path
     * @param problem what differs, comma-separated: missing, extra, type, size, mode, owner, link, content
     */
    public record Mismatch(String path, String problem) {
    }

    /**
     * The outcome.
     *
     * @param compared entries looked at on either side
     * @param mismatchCount all entries that differ
     * @param mismatches the first of them, up to the limit
     */
    public record Result(long compared, long mismatchCount, List<Mismatch> mismatches) {

        public boolean matches() {
            return mismatchCount == 0;
        }
    }

    public ListingComparison(Iterator<ListedEntry> recorded, int maxMismatches) {
        this.recorded = recorded;
        this.maxMismatches = maxMismatches;
    }

    @Override
    public void accept(ListedEntry actual) throws IOException {
        if (lastActualPath != null && WALK_ORDER.compare(lastActualPath, actual.path()) >= 0) {
            throw new IOException("the restored volume's archive is not in walk order at '" + actual.path() + "'");
        }
        lastActualPath = actual.path();
        while (true) {
            ListedEntry expected = peek();
            if (expected == null) {
                record(actual.path(), "extra");
                compared++;
                return;
            }
            int order = WALK_ORDER.compare(expected.path(), actual.path());
            if (order < 0) {
                record(expected.path(), "missing");
                compared++;
                pending = null;
                continue;
            }
            if (order > 0) {
                record(actual.path(), "extra");
                compared++;
                return;
            }
            pending = null;
            compared++;
            String problems = differences(expected, actual);
            if (!problems.isEmpty()) {
                record(actual.path(), problems);
            }
            return;
        }
    }

    /** Counts what the recorded listing has beyond the last restored entry, and returns the outcome. */
    public Result finish() {
        ListedEntry expected;
        while ((expected = peek()) != null) {
            record(expected.path(), "missing");
            compared++;
            pending = null;
        }
        return new Result(compared, mismatchCount, List.copyOf(mismatches));
    }

    private @Nullable ListedEntry peek() {
        if (pending == null && recorded.hasNext()) {
            pending = recorded.next();
        }
        return pending;
    }

    private void record(String path, String problem) {
        mismatchCount++;
        if (mismatches.size() < maxMismatches) {
            mismatches.add(new Mismatch(path, problem));
        }
    }

    static String differences(ListedEntry expected, ListedEntry actual) {
        List<String> problems = new ArrayList<>();
        if (expected.type() != actual.type()) {
            problems.add("type");
        }
        if (expected.size() != actual.size()) {
            problems.add("size");
        }
        if (expected.mode() != actual.mode()) {
            problems.add("mode");
        }
        if (expected.uid() != actual.uid() || expected.gid() != actual.gid()) {
            problems.add("owner");
        }
        if (!Objects.equals(expected.link(), actual.link())) {
            problems.add("link");
        }
        if (!Objects.equals(expected.sha256(), actual.sha256())) {
            problems.add("content");
        }
        return String.join(",", problems);
    }

    private static int compareWalkOrder(String left, String right) {
        if (left.equals(right)) {
            return 0;
        }
        if (left.equals(".")) {
            return -1;
        }
        if (right.equals(".")) {
            return 1;
        }
        String[] a = left.split("/");
        String[] b = right.split("/");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = compareBytes(a[i].getBytes(StandardCharsets.UTF_8), b[i].getBytes(StandardCharsets.UTF_8));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = Integer.compare(a[i] & 0xff, b[i] & 0xff);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
