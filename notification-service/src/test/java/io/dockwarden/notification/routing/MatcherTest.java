package io.dockwarden.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {

    @Test
    void parsesTheFourOperatorsQuotedOrNot() {
        assertThat(Matcher.parse("severity=\"critical\"")).isEqualTo(Matcher.equal("severity", "critical"));
        assertThat(Matcher.parse("severity != info")).isEqualTo(new Matcher("severity", Matcher.Type.NOT_EQUAL,
                "info"));
        assertThat(Matcher.parse("host=~\"web-.*\"")).isEqualTo(Matcher.regex("host", "web-.*"));
        assertThat(Matcher.parse("host!~db.*")).isEqualTo(new Matcher("host", Matcher.Type.NOT_REGEX, "db.*"));
        assertThat(Matcher.parse("comment=\"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
    }

    @Test
    void anAbsentLabelReadsAsEmpty() {
        Map<String, String> labels = Map.of("host", "web-1");

        assertThat(Matcher.parse("team!=\"a\"").matches(labels)).isTrue();
        assertThat(Matcher.parse("team=\"\"").matches(labels)).isTrue();
        assertThat(Matcher.parse("team=~\".*\"").matches(labels)).isTrue();
        assertThat(Matcher.parse("team=~\".+\"").matches(labels)).isFalse();
    }

    @Test
    void regularExpressionsMatchTheWholeValue() {
        assertThat(Matcher.regex("host", "web").matches(Map.of("host", "web-1"))).isFalse();
        assertThat(Matcher.regex("host", "web|db").matches(Map.of("host", "db"))).isTrue();
        assertThat(new Matcher("host", Matcher.Type.NOT_REGEX, "web.*").matches(Map.of("host", "web-1"))).isFalse();
    }

    @Test
    void rejectsWhatIsNotAMatcher() {
        assertThatThrownBy(() -> Matcher.parse("severity")).hasMessageContaining("is not a matcher");
        assertThatThrownBy(() -> Matcher.parse("host=~\"(\"")).hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> Matcher.parse("1host=\"a\"")).hasMessageContaining("invalid label name");
        assertThatThrownBy(() -> Matcher.parse("host=\"a")).hasMessageContaining("unterminated");
    }

    @Test
    void printsInAlertmanagerSyntax() {
        assertThat(Matcher.parse("host=~web-.*")).hasToString("host=~\"web-.*\"");
    }
}
