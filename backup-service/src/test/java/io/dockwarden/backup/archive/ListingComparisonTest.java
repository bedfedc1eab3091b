package io.dockwarden.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingComparisonTest {

    @Test
    void identicalListingsMatch() throws IOException {
        List<ListedEntry> entries = List.of(dir("."), file("a", "1"), dir("a.d"), file("a.d/x", "2"));
        ListingComparison comparison = new ListingComparison(entries.iterator(), 10);
        for (ListedEntry entry : entries) {
            comparison.accept(entry);
        }
        ListingComparison.Result result = comparison.finish();
        assertThat(result.matches()).isTrue();
        assertThat(result.compared()).isEqualTo(4);
    }

    @Test
    void reportsMissingExtraAndChangedEntriesInOnePass() throws IOException {
        List<ListedEntry> recorded = List.of(dir("."), file("a", "1"), file("b", "2"), file("d", "4"));
        ListingComparison comparison = new ListingComparison(recorded.iterator(), 10);
        comparison.accept(dir("."));
        comparison.accept(new ListedEntry("a", EntryType.FILE, 1, 0600, 1000, 0, null, "1", 0));
        comparison.accept(file("c", "3"));
        comparison.accept(file("d", "changed"));
        ListingComparison.Result result = comparison.finish();
        assertThat(result.mismatches()).containsExactly(
                new ListingComparison.Mismatch("a", "mode,owner"),
                new ListingComparison.Mismatch("b", "missing"),
                new ListingComparison.Mismatch("c", "extra"),
                new ListingComparison.Mismatch("d", "content"));
        assertThat(result.mismatchCount()).isEqualTo(4);
    }

    @Test
    void listsAtMostTheLimitButCountsEverything() throws IOException {
        List<ListedEntry> recorded = List.of(file("a", "1"), file("b", "1"), file("c", "1"));
        ListingComparison comparison = new ListingComparison(recorded.iterator(), 2);
        ListingComparison.Result result = comparison.finish();
        assertThat(result.mismatchCount()).isEqualTo(3);
        assertThat(result.mismatches()).hasSize(2);
    }

    @Test
    void walkOrderPutsADirectorysContentBeforeItsSiblingsThatSortAfterItsName() {
        assertThat(ListingComparison.WALK_ORDER.compare("a/x", "a.b")).isNegative();
        assertThat(ListingComparison.WALK_ORDER.compare("a", "a/x")).isNegative();
        assertThat(ListingComparison.WALK_ORDER.compare(".", "a")).isNegative();
        assertThat(ListingComparison.WALK_ORDER.compare("Z", "a")).isNegative();
        assertThat(ListingComparison.WALK_ORDER.compare("z", "ü")).isNegative();
    }

    private static ListedEntry dir(String path) {
        return new ListedEntry(path, EntryType.DIRECTORY, 0, 0755, 0, 0, null, null, 0);
    }

    private static ListedEntry file(String path, String sha) {
        return new ListedEntry(path, EntryType.FILE, 1, 0644, 0, 0, null, sha, 0);
    }
}
