package io.dockwarden.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExcludeFilterTest {

    @Test
    void aGlobWithoutSlashMatchesNamesAtAnyDepth() {
        ExcludeFilter filter = ExcludeFilter.parse("*.tmp, cache");
        assertThat(filter.excludes("x.tmp")).isTrue();
        assertThat(filter.excludes("a/b/x.tmp")).isTrue();
        assertThat(filter.excludes("a/cache")).isTrue();
        assertThat(filter.excludes("a/cache/deep/file")).isTrue();
        assertThat(filter.excludes("a/cached")).isFalse();
        assertThat(filter.excludes("x.tmp.keep")).isFalse();
    }

    @Test
    void aGlobWithSlashMatchesFromTheRoot() {
        ExcludeFilter filter = ExcludeFilter.of(List.of("logs/*.gz", "/tmp/**"));
        assertThat(filter.excludes("logs/a.gz")).isTrue();
        assertThat(filter.excludes("logs/2026/a.gz")).isFalse();
        assertThat(filter.excludes("other/logs/a.gz")).isFalse();
        assertThat(filter.excludes("tmp/x/y")).isTrue();
        assertThat(filter.excludes("tmp")).isFalse();
    }

    @Test
    void doubleStarSlashAlsoMatchesNoDirectory() {
        ExcludeFilter filter = ExcludeFilter.of(List.of("data/**/index.lock"));
        assertThat(filter.excludes("data/index.lock")).isTrue();
        assertThat(filter.excludes("data/a/b/index.lock")).isTrue();
        assertThat(filter.excludes("index.lock")).isFalse();
    }

    @Test
    void questionMarkAndClassesMatchOneCharacterButNeverASlash() {
        ExcludeFilter filter = ExcludeFilter.of(List.of("core.[0-9]*", "?.swp", "[!a]x"));
        assertThat(filter.excludes("core.1234")).isTrue();
        assertThat(filter.excludes("core.x")).isFalse();
        assertThat(filter.excludes("a.swp")).isTrue();
        assertThat(filter.excludes("ab.swp")).isFalse();
        assertThat(filter.excludes("bx")).isTrue();
        assertThat(filter.excludes("ax")).isFalse();
    }

    @Test
    void theRootIsNeverExcludedAndEmptyGlobsAreIgnored() {
        assertThat(ExcludeFilter.parse("*, ").excludes(".")).isFalse();
        assertThat(ExcludeFilter.parse(" , ").isEmpty()).isTrue();
        assertThat(ExcludeFilter.parse("*.log").globs()).containsExactly("*.log");
    }

    @Test
    void regexCharactersInGlobsAreLiteral() {
        ExcludeFilter filter = ExcludeFilter.of(List.of("a+b(1).txt", "x\\*y"));
        assertThat(filter.excludes("a+b(1).txt")).isTrue();
        assertThat(filter.excludes("aab(1).txt")).isFalse();
        assertThat(filter.excludes("x*y")).isTrue();
        assertThat(filter.excludes("xzy")).isFalse();
    }

    @Test
    void anUnclosedClassIsReported() {
        assertThatThrownBy(() -> ExcludeFilter.of(List.of("[abc"))).hasMessageContaining("unclosed '['");
    }
}
