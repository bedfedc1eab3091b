package io.dockwarden.notification.routing;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One label matcher, as Alertmanager defines it: {@code =}, {@code !=}, {@code =~}, {@code !~}. Regular expressions
 * are anchored at both ends, and an absent label reads as the empty string, so {@code team!="a"} matches an alert
 * without a team and {@code team=""} matches only such alerts.
 *
 * @param name the label name
 * @param type the operator
 * @param value the value or the (unanchored) regular expression
 */
public record Matcher(String name, Type type, String value) {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern SYNTAX =
            Pattern.compile("^\\s*([^\\s=!~\"]+)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$", Pattern.DOTALL);

    public Matcher {
        if (!LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid label name '" + name + "'");
        }
        if (type.regex) {
            compile(value);
        }
    }

    /** The operators. */
    public enum Type {
        EQUAL("=", false, false), NOT_EQUAL("!=", false, true), REGEX("=~", true, false), NOT_REGEX("!~", true, true);

        private final String operator;
        private final boolean regex;
        private final boolean negative;

        Type(String operator, boolean regex, boolean negative) {
            this.operator = operator;
            this.regex = regex;
            this.negative = negative;
        }

        public String operator() {
            return operator;
        }

        public boolean isRegex() {
            return regex;
        }

        public boolean isNegative() {
            return negative;
        }

        static Type of(String operator) {
            for (Type type : values()) {
                if (type.operator.equals(operator)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown operator " + operator);
        }
    }

    public static Matcher equal(String name, String value) {
        return new Matcher(name, Type.EQUAL, value);
    }

    public static Matcher regex(String name, String value) {
        return new Matcher(name, Type.REGEX, value);
    }

    /**
     * Parses Alertmanager's matcher syntax: {@code name op value}, the value optionally in double quotes with
     * {@code \"}, {@code \\} and {@code \n} escapes.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Matcher parse(String text) {
        java.util.regex.Matcher parts = SYNTAX.matcher(text);
        if (!parts.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher: expected name, one of = != =~ !~,"
                    + " and a value, such as severity=\"critical\"");
        }
        return new Matcher(parts.group(1), Type.of(parts.group(2)), unquote(parts.group(3)));
    }

    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            if (value.contains("\"")) {
                throw new IllegalArgumentException("unbalanced quotes in " + value);
            }
            return value;
        }
        if (value.length() < 2 || !value.endsWith("\"") || value.endsWith("\\\"") && !value.endsWith("\\\\\"")) {
            throw new IllegalArgumentException("unterminated quoted value " + value);
        }
        StringBuilder result = new StringBuilder();
        String inner = value.substring(1, value.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char next = inner.charAt(++i);
                result.append(next == 'n' ? '\n' : next);
            } else if (c == '"') {
                throw new IllegalArgumentException("unescaped quote inside " + value);
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile("^(?:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    public boolean matches(Map<String, String> labels) {
        return matchesValue(labels.getOrDefault(name, ""));
    }

    public boolean matchesValue(@Nullable String labelValue) {
        String actual = labelValue == null ? "" : labelValue;
        boolean hit = type.regex ? pattern().matcher(actual).matches() : value.equals(actual);
        return type.negative != hit;
    }

    private Pattern pattern() {
        return PatternCache.get(value, Matcher::compile);
    }

    @Override
    public String toString() {
        return name + type.operator + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                + "\"";
    }

    /** Compiled patterns, shared, since records cannot hold derived state outside their components. */
    private static final class PatternCache {
        private static final Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Pattern get(String regex, java.util.function.Function<String, Pattern> compiler) {
            if (CACHE.size() > 10_000) {
                CACHE.clear();
            }
            return CACHE.computeIfAbsent(regex, compiler);
        }
    }
}
