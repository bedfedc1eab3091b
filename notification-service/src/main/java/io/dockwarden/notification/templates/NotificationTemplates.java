package io.dockwarden.notification.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders notification texts with Mustache (jmustache). Each receiver integration may override a template by name;
 * otherwise the default shipped in {@code templates/<name>.mustache} applies. Missing values render empty rather than
 * failing a delivery.
 */
public final class NotificationTemplates {

    /** Names of the shipped defaults. */
    public static final String SUBJECT = "subject";
    public static final String TEXT = "text";
    public static final String HTML = "html";
    public static final String TITLE = "title";

    private final Map<String, String> defaults = new ConcurrentHashMap<>();
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    /** Throws IllegalArgumentException with the problem when the template does not compile. */
    public static void check(String name, String template) {
        try {
            compiler(Escaping.NONE).compile(template);
        } catch (MustacheException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Renders a template.
     *
     * @param name the template's name
     * @param overrides the integration's templates by name
     * @param model what the template reads ({@link TemplateModel})
     * @param escaping how inserted values are escaped
     */
    public String render(String name, Map<String, String> overrides, Map<String, Object> model, Escaping escaping) {
        String text = overrides.containsKey(name) ? overrides.get(name) : defaultTemplate(name);
        Template template = compiled.computeIfAbsent(escaping + "\u0000" + text,
                key -> compiler(escaping).compile(text));
        return template.execute(model);
    }

    private String defaultTemplate(String name) {
        return defaults.computeIfAbsent(name, missing -> {
            try (InputStream in = NotificationTemplates.class.getResourceAsStream("/templates/" + missing
                    + ".mustache")) {
                if (in == null) {
                    throw new IllegalArgumentException("no default template named " + missing);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Mustache.Compiler compiler(Escaping escaping) {
        return Mustache.compiler().defaultValue("").nullValue("").emptyStringIsFalse(true)
                .withEscaper(escaping::escape);
    }
}
