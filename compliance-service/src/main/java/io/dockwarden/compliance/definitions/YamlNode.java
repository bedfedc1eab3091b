package io.dockwarden.compliance.definitions;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of a YAML document with its file and line, read through accessors that reject anything unexpected with a
 * {@link DefinitionException} naming the line. Documents are composed, never constructed: YAML tags cannot create
 * objects.
 */
public final class YamlNode {

    private static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;
    private static final Set<Tag> CORE_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL, Tag.SEQ, Tag.MAP,
            Tag.TIMESTAMP);

    private final String file;
    private final Node node;

    private YamlNode(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    /** The document's root, or empty when the document holds nothing. */
    public static @Nullable YamlNode parse(String file, String content) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        try {
            Node root = new Yaml(options).compose(new StringReader(content));
            if (root == null) {
                return null;
            }
            rejectTags(file, root);
            return new YamlNode(file, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new DefinitionException(file, mark == null ? 0 : mark.getLine() + 1,
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new DefinitionException(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    /** Only plain data: a tag naming a class or anything else beyond YAML's core types is refused outright. */
    private static void rejectTags(String file, Node node) {
        if (!CORE_TAGS.contains(node.getTag())) {
            throw new YamlNode(file, node).problem("YAML tags are not allowed: " + node.getTag());
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                rejectTags(file, tuple.getKeyNode());
                rejectTags(file, tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                rejectTags(file, item);
            }
        }
    }

    public String file() {
        return file;
    }

    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public DefinitionException problem(String reason) {
        return new DefinitionException(file, line(), reason);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The entries of a mapping, in document order; rejects duplicate and non-scalar keys. */
    public Map<String, YamlNode> entries(String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw problem(what + " must be a mapping (key: value)");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlNode(file, tuple.getKeyNode()).problem("keys of " + what + " must be plain text");
            }
            if (entries.put(key.getValue(), new YamlNode(file, tuple.getValueNode())) != null) {
                throw new YamlNode(file, key).problem("duplicate key '" + key.getValue() + "' in " + what);
            }
        }
        return entries;
    }

    /** The entries of a mapping that may only hold the given keys. */
    public Map<String, YamlNode> entries(String what, Set<String> allowed) {
        Map<String, YamlNode> entries = entries(what);
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw entry.getValue().problem("unknown key '" + entry.getKey() + "' in " + what + "; allowed: "
                        + allowed.stream().sorted().toList());
            }
        }
        return entries;
    }

    public List<YamlNode> items(String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw problem(what + " must be a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlNode(file, item));
        }
        return items;
    }

    /** A scalar as written, without YAML's type guessing: {@code 5.10} stays "5.10". */
    public String text(String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw problem(what + " must be a single value, not a " + (isMapping() ? "mapping" : "list"));
        }
        return scalar.getValue();
    }

    public String nonBlankText(String what) {
        String text = text(what).strip();
        if (text.isEmpty()) {
            throw problem(what + " must not be empty");
        }
        return text;
    }

    public boolean bool(String what) {
        String text = text(what);
        return switch (text) {
            case "true", "True", "TRUE", "yes" -> true;
            case "false", "False", "FALSE", "no" -> false;
            default -> throw problem(what + " must be true or false, not '" + text + "'");
        };
    }

    public int integer(String what) {
        String text = text(what);
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw problem(what + " must be a whole number, not '" + text + "'");
        }
    }

    /** A date ({@code 2027-03-01}, meaning its start in UTC) or a timestamp with offset. */
    public Instant instant(String what) {
        String text = text(what).strip();
        Instant instant = parseInstant(text);
        if (instant == null) {
            throw problem(what + " must be a date (2027-03-01) or a timestamp (2027-03-01T12:00:00Z), not '" + text
                    + "'");
        }
        return instant;
    }

    /** Parses a date or timestamp as operators write them, or returns null. */
    public static @Nullable Instant parseInstant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return file + ":" + line();
    }
}
