package io.dockwarden.compliance.checks.rules;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.CheckTarget;
import io.dockwarden.compliance.definitions.DefinitionException;
import io.dockwarden.compliance.definitions.DefinitionProblem;
import io.dockwarden.compliance.definitions.YamlNode;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads custom rule files. A file is a mapping with one key, {@code rules}, holding a list of rules:
 *
 * <pre>
 * rules:
 *   - id: ACME-1
 *     title: Containers name their owning team
 *     severity: medium            # critical, high, medium, low, info
 *     remediation: Add the label com.acme.team.
 *     require:
 *       path: labels["com.acme.team"]
 *       exists: true
 * </pre>
 *
 * Optional keys: {@code target} (container or host), {@code level} (1 or 2), {@code scored}, {@code benchmark},
 * {@code rationale}, {@code description}, {@code applies-when}. A condition is {@code {path, <operator>: operand}},
 * {@code {all: [...]}}, {@code {any: [...]}} or {@code {not: condition}}. The whole set is accepted or rejected:
 * one bad rule rejects it, with file, line and reason for every problem found.
 */
public final class RuleFiles {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Set<String> FILE_KEYS = Set.of("rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "remediation", "require",
            "applies-when", "target", "level", "scored", "benchmark", "rationale", "description");
    private static final int MAX_PATTERN_CHARS = 500;

    private RuleFiles() {
    }

    /**
     * The result of loading a set of rule files.
     *
     * @param rules the rules, in file and document order; empty when there are problems
     * @param problems every problem found, empty when the set is accepted
     */
    public record Loaded(List<Check> rules, List<DefinitionProblem> problems) {

        public Loaded {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /**
     * Loads rule files as one set.
     *
     * @param files file name to content, in the order rules should be listed
     * @param reservedIds ids of the built-in checks, which rules may not reuse
     */
    public static Loaded load(Map<String, String> files, Set<String> reservedIds) {
        List<Check> rules = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            try {
                for (Check rule : parse(file.getKey(), file.getValue(), reservedIds)) {
                    String earlier = seen.putIfAbsent(rule.id(), rule.info().origin());
                    if (earlier != null) {
                        problems.add(new DefinitionProblem(file.getKey(), 0,
                                "rule id '" + rule.id() + "' is already defined in " + earlier));
                    }
                    rules.add(rule);
                }
            } catch (DefinitionException e) {
                problems.add(e.problem());
            }
        }
        return problems.isEmpty() ? new Loaded(rules, List.of()) : new Loaded(List.of(), problems);
    }

    /** The rules of one file; the first problem found rejects the file. */
    public static List<Check> parse(String file, String content, Set<String> reservedIds) {
        YamlNode root = YamlNode.parse(file, content);
        if (root == null) {
            return List.of();
        }
        Map<String, YamlNode> top = root.entries("a rule file", FILE_KEYS);
        YamlNode list = top.get("rules");
        if (list == null) {
            throw root.problem("a rule file holds a 'rules:' list");
        }
        List<Check> rules = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (YamlNode item : list.items("rules")) {
            Check rule = rule(item, reservedIds);
            if (!ids.add(rule.id())) {
                throw item.problem("rule id '" + rule.id() + "' appears twice in this file");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static Check rule(YamlNode node, Set<String> reservedIds) {
        Map<String, YamlNode> fields = node.entries("a rule", RULE_KEYS);
        YamlNode idNode = required(node, fields, "id");
        String id = idNode.nonBlankText("id");
        if (!ID.matcher(id).matches()) {
            throw idNode.problem("id '" + id + "' must be letters, digits and . _ : - (at most 64), without "
                    + "slashes or spaces");
        }
        if (reservedIds.contains(id)) {
            throw idNode.problem("id '" + id + "' is a built-in check; choose another id (such as ACME-" + id + ")");
        }
        String title = required(node, fields, "title").nonBlankText("title");
        String remediation = required(node, fields, "remediation").nonBlankText("remediation");
        YamlNode severityNode = required(node, fields, "severity");
        Severity severity = severity(severityNode);
        CheckTarget target = CheckTarget.CONTAINER;
        if (fields.containsKey("target")) {
            String text = fields.get("target").nonBlankText("target");
            target = switch (text) {
                case "container" -> CheckTarget.CONTAINER;
                case "host" -> CheckTarget.HOST;
                default -> throw fields.get("target").problem("target must be container or host, not '" + text + "'");
            };
        }
        int level = 1;
        if (fields.containsKey("level")) {
            level = fields.get("level").integer("level");
            if (level != 1 && level != 2) {
                throw fields.get("level").problem("level must be 1 or 2, not " + level);
            }
        }
        boolean scored = !fields.containsKey("scored") || fields.get("scored").bool("scored");
        String benchmark = fields.containsKey("benchmark") ? fields.get("benchmark").nonBlankText("benchmark")
                : Benchmarks.CUSTOM;
        String rationale = fields.containsKey("rationale") ? fields.get("rationale").nonBlankText("rationale") : "";
        String description = fields.containsKey("description")
                ? fields.get("description").nonBlankText("description") : "Custom rule from " + node.file() + ".";

        Class<? extends Record> root = target == CheckTarget.CONTAINER ? ContainerSnapshot.class : HostSnapshot.class;
        Condition require = condition(required(node, fields, "require"), root);
        @Nullable Condition appliesWhen = fields.containsKey("applies-when") ? condition(fields.get("applies-when"), root)
                : null;
        CheckInfo info = new CheckInfo(id, benchmark, title, level, scored, severity, rationale, remediation,
                description, target, node.file());
        RuleLogic logic = new RuleLogic(appliesWhen, require, severity);
        return target == CheckTarget.CONTAINER ? new CustomContainerRule(info, logic) : new CustomHostRule(info, logic);
    }

    private static Severity severity(YamlNode node) {
        String text = node.nonBlankText("severity");
        for (Severity severity : Severity.values()) {
            if (severity.wireName().equals(text.toLowerCase(Locale.ROOT))) {
                return severity;
            }
        }
        throw node.problem("severity must be critical, high, medium, low or info, not '" + text + "'");
    }

    private static YamlNode required(YamlNode node, Map<String, YamlNode> fields, String key) {
        YamlNode value = fields.get(key);
        if (value == null) {
            throw node.problem("a rule needs '" + key + "'");
        }
        return value;
    }

    static Condition condition(YamlNode node, Class<? extends Record> root) {
        Map<String, YamlNode> fields = node.entries("a condition");
        if (fields.containsKey("all") || fields.containsKey("any")) {
            String combinator = fields.containsKey("all") ? "all" : "any";
            if (fields.size() != 1) {
                throw node.problem("'" + combinator + "' stands alone in its condition; found also "
                        + fields.keySet().stream().filter(key -> !key.equals(combinator)).toList());
            }
            List<Condition> members = new ArrayList<>();
            List<YamlNode> items = fields.get(combinator).items("'" + combinator + "'");
            if (items.isEmpty()) {
                throw fields.get(combinator).problem("'" + combinator + "' needs at least one condition");
            }
            for (YamlNode item : items) {
                members.add(condition(item, root));
            }
            return combinator.equals("all") ? new Condition.All(members) : new Condition.Any(members);
        }
        if (fields.containsKey("not")) {
            if (fields.size() != 1) {
                throw node.problem("'not' stands alone in its condition");
            }
            return new Condition.Not(condition(fields.get("not"), root));
        }
        YamlNode pathNode = fields.get("path");
        if (pathNode == null) {
            throw node.problem("a condition is {path: ..., <operator>: ...}, {all: [...]}, {any: [...]} or "
                    + "{not: ...}; found " + fields.keySet());
        }
        List<String> operators = fields.keySet().stream().filter(key -> !key.equals("path")).toList();
        if (operators.size() != 1 || !Operator.NAMES.contains(operators.get(0))) {
            throw node.problem("a comparison needs exactly one operator of " + Operator.NAMES.stream().sorted()
                    .toList() + "; found " + operators);
        }
        FieldPath path;
        try {
            path = FieldPath.compile(pathNode.nonBlankText("path"), root);
        } catch (IllegalArgumentException e) {
            throw pathNode.problem("path '" + pathNode.text("path") + "': " + e.getMessage());
        }
        String name = operators.get(0);
        YamlNode operand = fields.get(name);
        try {
            return new Condition.Comparison(path, operator(name, operand, path));
        } catch (IllegalArgumentException e) {
            throw operand.problem("'" + name + "' on " + path.text() + ": " + e.getMessage());
        }
    }

    private static Operator operator(String name, YamlNode operand, FieldPath path) {
        FieldPath.Kind kind = path.kind();
        return switch (name) {
            case "exists" -> new Operator.Exists(operand.bool("exists"));
            case "eq" -> new Operator.Eq(literal(operand, kind), kind);
            case "ne" -> new Operator.Ne(new Operator.Eq(literal(operand, kind), kind));
            case "in" -> {
                List<Operator.Literal> literals = new ArrayList<>();
                for (YamlNode item : operand.items("'in'")) {
                    literals.add(literal(item, kind));
                }
                if (literals.isEmpty()) {
                    throw operand.problem("'in' needs at least one value");
                }
                yield new Operator.In(literals);
            }
            case "contains" -> {
                if (kind != FieldPath.Kind.STRING && kind != FieldPath.Kind.LIST && kind != FieldPath.Kind.MAP) {
                    throw new IllegalArgumentException("'contains' applies to text, lists and maps; the field is "
                            + kind.name().toLowerCase(Locale.ROOT));
                }
                yield new Operator.Contains(operand.text("contains"));
            }
            case "matches" -> {
                String regex = operand.text("matches");
                if (regex.length() > MAX_PATTERN_CHARS) {
                    throw new IllegalArgumentException("the pattern is longer than " + MAX_PATTERN_CHARS
                            + " characters");
                }
                try {
                    yield new Operator.Matches(Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription()
                            + " near index " + e.getIndex());
                }
            }
            case "gt", "ge", "lt", "le" -> {
                if (kind != FieldPath.Kind.NUMBER && kind != FieldPath.Kind.TIME) {
                    throw new IllegalArgumentException("'" + name + "' compares numbers and times; the field is "
                            + kind.name().toLowerCase(Locale.ROOT));
                }
                yield new Operator.Compare(name, Operator.Literal.of(operand.text(name), kind));
            }
            default -> throw new IllegalArgumentException("unknown operator " + name);
        };
    }

    private static Operator.Literal literal(YamlNode node, FieldPath.Kind kind) {
        if (kind == FieldPath.Kind.OBJECT || kind == FieldPath.Kind.MAP) {
            throw new IllegalArgumentException("the field is a structure; compare one of its fields, or use 'exists'");
        }
        FieldPath.Kind literalKind = kind == FieldPath.Kind.LIST ? FieldPath.Kind.STRING : kind;
        return Operator.Literal.of(node.text("a value"), literalKind);
    }
}
