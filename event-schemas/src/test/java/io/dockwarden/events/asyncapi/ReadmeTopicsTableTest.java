package io.dockwarden.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's topics table is a view of the AsyncAPI document; this keeps the two from drifting apart. */
class ReadmeTopicsTableTest {

    static final Path README = Path.of("../README.md");
    static final String START = "<!-- topics:start -->";
    static final String END = "<!-- topics:end -->";

    @Test
    void readmeTopicsTableListsExactlyTheAsyncApiChannels() throws IOException {
        assumeTrue(Files.isRegularFile(README), "no README.md beside the module");
        String readme = Files.readString(README);
        assumeTrue(readme.contains(START) && readme.contains(END), "README.md has no topics table markers yet");

        String table = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));

        assertThat(rows(table)).as("the table between the markers; expected:%n%s", render(AsyncApiDocument.load()))
                .containsExactlyInAnyOrderElementsOf(rows(render(AsyncApiDocument.load())));
    }

    @Test
    void renderedTableHasOneRowPerTopicChannel() {
        AsyncApiDocument document = AsyncApiDocument.load();

        List<Row> rows = rows(render(document));

        assertThat(rows).hasSameSizeAs(document.topicChannels());
        assertThat(rows).allSatisfy(row -> assertThat(row.types()).isNotEmpty());
    }

    @Test
    void comparisonNoticesAMissingTypeAWrongKeyAndAMissingTopic() {
        String table = render(AsyncApiDocument.load());
        String missingType = table.replace("<br>`io.dockwarden.container.died.v1`", "");
        String wrongKey = table.replace("| `<hostId>` |", "| `<engineId>` |");
        String missingTopic = table.lines().filter(line -> !line.contains("dockwarden.compliance.reports"))
                .collect(Collectors.joining("\n"));

        assertThat(List.of(missingType, wrongKey, missingTopic)).allSatisfy(
                changed -> assertThat(rows(changed)).doesNotContainSequence(rows(table)).isNotEmpty());
        assertThat(rows(table.replace("<br>", ", "))).containsExactlyInAnyOrderElementsOf(rows(table));
    }

    /** The table as the README should hold it, one row per topic in document order. */
    static String render(AsyncApiDocument document) {
        StringBuilder table = new StringBuilder("| Topic | Key | Event types |\n|---|---|---|\n");
        for (AsyncApiDocument.Channel channel : document.topicChannels()) {
            table.append("| `").append(channel.address()).append("` | `").append(channel.key()).append("` | ")
                    .append(channel.messageNames(document).stream().map(name -> "`" + name + "`")
                            .collect(Collectors.joining("<br>")))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The data rows of a markdown table, cells stripped of code quotes, types as a sorted list. */
    static List<Row> rows(String table) {
        List<Row> rows = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("|") || trimmed.matches("\\|[-:| ]+\\|")) {
                continue;
            }
            String[] cells = trimmed.substring(1, trimmed.length() - 1).split("\\|");
            if (cells.length != 3 || cells[0].strip().equalsIgnoreCase("Topic")) {
                continue;
            }
            List<String> types = Arrays.stream(cells[2].split("<br>|,")).map(ReadmeTopicsTableTest::unquote)
                    .filter(type -> !type.isEmpty()).sorted().toList();
            rows.add(new Row(unquote(cells[0]), unquote(cells[1]), types));
        }
        return rows;
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }

    /**
     * One row of the table.
     *
     * @param topic the topic
     * @param key the key's form
     * @param types the event types on it, sorted
     */
    record Row(String topic, String key, List<String> types) {
    }
}
