package io.dockwarden.notification.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URL templates that give alerts their links, with {@code {placeholder}} parts filled from the alert's labels
 * (URL-encoded); a template naming a label the alert lacks gives no link.
 *
 * @param templates URL templates, such as {@code https://dockwarden.example/findings/{host}/{check}}
 */
public record AlertLinks(List<String> templates) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_][a-zA-Z0-9_]*)}");

    public AlertLinks {
        templates = List.copyOf(templates);
    }

    public static AlertLinks none() {
        return new AlertLinks(List.of());
    }

    public List<String> linksFor(Map<String, String> labels) {
        List<String> links = new ArrayList<>();
        for (String template : templates) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            StringBuilder url = new StringBuilder();
            boolean complete = true;
            while (matcher.find()) {
                String value = labels.get(matcher.group(1));
                if (value == null || value.isEmpty()) {
                    complete = false;
                    break;
                }
                String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                matcher.appendReplacement(url, Matcher.quoteReplacement(encoded));
            }
            if (complete) {
                matcher.appendTail(url);
                links.add(url.toString());
            }
        }
        return links;
    }
}
