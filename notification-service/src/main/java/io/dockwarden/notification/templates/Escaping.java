package io.dockwarden.notification.templates;

/** How values are escaped where a template inserts them: as HTML, inside JSON strings, or not at all. */
public enum Escaping {
    HTML, JSON, NONE;

    String escape(String raw) {
        switch (this) {
            case HTML:
                return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                        .replace("'", "&#39;");
            case JSON:
                return json(raw);
            default:
                return raw;
        }
    }

    /** The content of a JSON string (without the quotes) holding the text. */
    static String json(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
