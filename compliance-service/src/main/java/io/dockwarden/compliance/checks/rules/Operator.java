package io.dockwarden.compliance.checks.rules;

import io.dockwarden.compliance.checks.rules.FieldPath.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A comparison with its operand prepared at load time (numbers parsed, patterns compiled). A path that reaches
 * several values (through a list) satisfies a comparison when one of them does; {@code ne} is the negation of
 * {@code eq}, so it holds when none equals.
 */
public sealed interface Operator permits Operator.Exists, Operator.Eq, Operator.Ne, Operator.In, Operator.Contains,
        Operator.Matches, Operator.Compare {

    Set<String> NAMES = Set.of("eq", "ne", "in", "contains", "matches", "gt", "ge", "lt", "le", "exists");

    boolean test(List<Object> values);

    /** The operator and operand as the rule file wrote them, such as {@code eq "host"}. */
    String describe();

    /**
     * A present value: a map key that exists, a field that is not null, a list or map that is not empty.
     *
     * @param expected true for {@code exists: true}
     */
    record Exists(boolean expected) implements Operator {

        @Override
        public boolean test(List<Object> values) {
            boolean present = false;
            for (Object value : values) {
                if (!(value instanceof Collection<?> c && c.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                    present = true;
                    break;
                }
            }
            return present == expected;
        }

        @Override
        public String describe() {
            return expected ? "exists" : "does not exist";
        }
    }

    /**
     * Equal to a literal; for a list field, an element equal to it.
     *
     * @param literal the operand, typed as the field
     * @param kind what the field holds
     */
    record Eq(Literal literal, Kind kind) implements Operator {

        @Override
        public boolean test(List<Object> values) {
            for (Object value : values) {
                if (literal.matches(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "eq " + literal;
        }
    }

    /**
     * Not equal: no value equals the literal.
     *
     * @param eq the equality it negates
     */
    record Ne(Eq eq) implements Operator {

        @Override
        public boolean test(List<Object> values) {
            return !eq.test(values);
        }

        @Override
        public String describe() {
            return "ne " + eq.literal();
        }
    }

    /**
     * One of several literals.
     *
     * @param literals the operands
     */
    record In(List<Literal> literals) implements Operator {

        public In {
            literals = List.copyOf(literals);
        }

        @Override
        public boolean test(List<Object> values) {
            for (Object value : values) {
                for (Literal literal : literals) {
                    if (literal.matches(value)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "in " + literals;
        }
    }

    /**
     * A substring of a text, an element of a list, a key of a map.
     *
     * @param text the operand
     */
    record Contains(String text) implements Operator {

        @Override
        public boolean test(List<Object> values) {
            for (Object value : values) {
                if (value instanceof Collection<?> collection) {
                    for (Object element : collection) {
                        if (text.equals(String.valueOf(element))) {
                            return true;
                        }
                    }
                } else if (value instanceof Map<?, ?> map) {
                    if (map.containsKey(text)) {
                        return true;
                    }
                } else if (String.valueOf(value).contains(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "contains \"" + text + "\"";
        }
    }

    /**
     * A regular expression found in the text (anchor it with ^ and $ to match the whole value); for a list, in one
     * of its elements.
     *
     * @param pattern compiled once, when the rule is loaded
     */
    record Matches(Pattern pattern) implements Operator {

        @Override
        public boolean test(List<Object> values) {
            for (Object value : values) {
                if (value instanceof Collection<?> collection) {
                    for (Object element : collection) {
                        if (pattern.matcher(String.valueOf(element)).find()) {
                            return true;
                        }
                    }
                } else if (pattern.matcher(String.valueOf(value)).find()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "matches /" + pattern.pattern() + "/";
        }
    }

    /**
     * An ordering comparison on numbers or times.
     *
     * @param name gt, ge, lt or le
     * @param literal the operand
     */
    record Compare(String name, Literal literal) implements Operator {

        @Override
        public boolean test(List<Object> values) {
            for (Object value : values) {
                Integer order = literal.compareWith(value);
                if (order != null && holds(order)) {
                    return true;
                }
            }
            return false;
        }

        private boolean holds(int order) {
            return switch (name) {
                case "gt" -> order > 0;
                case "ge" -> order >= 0;
                case "lt" -> order < 0;
                case "le" -> order <= 0;
                default -> throw new IllegalStateException(name);
            };
        }

        @Override
        public String describe() {
            return name + " " + literal;
        }
    }

    /**
     * A literal typed as the field it is compared with.
     *
     * @param text the literal as written
     * @param value a String, BigDecimal, Boolean or Instant
     * @param integral the number as a long when it is a whole number in range, for comparisons without allocation
     */
    record Literal(String text, Object value, @Nullable Long integral) {

        Literal(String text, Object value) {
            this(text, value, integralOf(value));
        }

        private static @Nullable Long integralOf(Object value) {
            if (value instanceof BigDecimal number) {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException notWhole) {
                    return null;
                }
            }
            return null;
        }

        static Literal of(String text, Kind kind) {
            return switch (kind) {
                case NUMBER -> new Literal(text, number(text));
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException("the field is true or false; '" + text + "' is neither");
                    }
                    yield new Literal(text, Boolean.valueOf(text));
                }
                case TIME -> {
                    Instant instant = io.dockwarden.compliance.definitions.YamlNode.parseInstant(text);
                    if (instant == null) {
                        throw new IllegalArgumentException("the field is a time; write '" + text
                                + "' as 2027-03-01 or 2027-03-01T12:00:00Z");
                    }
                    yield new Literal(text, instant);
                }
                default -> new Literal(text, text);
            };
        }

        static BigDecimal number(String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the field is a number; '" + text + "' is not");
            }
        }

        boolean matches(Object candidate) {
            if (candidate instanceof Collection<?> collection) {
                for (Object element : collection) {
                    if (matches(element)) {
                        return true;
                    }
                }
                return false;
            }
            if (value instanceof BigDecimal) {
                Integer order = compareWith(candidate);
                return order != null && order == 0;
            }
            if (value instanceof Boolean) {
                return value.equals(candidate);
            }
            if (value instanceof Instant instant) {
                return instant.equals(candidate);
            }
            return text.equals(String.valueOf(candidate));
        }

        /** The sign of candidate minus this literal, or null when they cannot be ordered. */
        @Nullable Integer compareWith(Object candidate) {
            if (value instanceof BigDecimal number && candidate instanceof Number n) {
                if (integral != null && (n instanceof Long || n instanceof Integer)) {
                    return Long.compare(n.longValue(), integral);
                }
                return new BigDecimal(n.toString()).compareTo(number);
            }
            if (value instanceof Instant instant && candidate instanceof Instant time) {
                return time.compareTo(instant);
            }
            return null;
        }

        @Override
        public String toString() {
            return value instanceof String ? "\"" + text + "\"" : text;
        }
    }
}
