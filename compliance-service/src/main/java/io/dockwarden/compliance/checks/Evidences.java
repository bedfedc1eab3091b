package io.dockwarden.compliance.checks;

import io.dockwarden.events.finding.Evidence;
import java.util.Collection;

/** Renders snapshot values as evidence text: short, stable, never more than a line. */
public final class Evidences {

    private static final int MAX_CHARS = 300;

    private Evidences() {
    }

    public static Evidence of(String field, Object actual, String expected) {
        return new Evidence(field, render(actual), expected);
    }

    public static String render(Object value) {
        String text;
        if (value instanceof Collection<?> values) {
            text = values.isEmpty() ? "[]" : "[" + String.join(", ", values.stream().map(String::valueOf).toList())
                    + "]";
        } else if (value instanceof String string) {
            text = string.isEmpty() ? "\"\"" : string;
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "..." : text;
    }
}
