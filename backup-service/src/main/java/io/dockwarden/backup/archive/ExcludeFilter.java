package io.dockwarden.backup.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which paths of a volume stay out of the backup, by glob. A pattern without a slash matches a name at any depth
 * ({@code *.tmp}, {@code cache}); a pattern with a slash matches from the volume's root ({@code logs/*.gz},
 * {@code /tmp/**}). {@code *} and {@code ?} stop at slashes, {@code **} does not, {@code [abc]} is a class. A directory
 * that matches takes everything below it along. The root itself is never excluded.
 */
public final class ExcludeFilter {

    private static final ExcludeFilter NONE = new ExcludeFilter(List.of(), List.of(), List.of());

    private final List<String> globs;
    private final List<Pattern> anchored;
    private final List<Pattern> names;

    private ExcludeFilter(List<String> globs, List<Pattern> anchored, List<Pattern> names) {
        this.globs = List.copyOf(globs);
        this.anchored = anchored;
        this.names = names;
    }

    public static ExcludeFilter none() {
        return NONE;
    }

    /**
     * Compiles globs.
     *
     * @throws IllegalArgumentException naming the first glob that does not compile
     */
    public static ExcludeFilter of(List<String> globs) {
        List<String> kept = new ArrayList<>();
        List<Pattern> anchored = new ArrayList<>();
        List<Pattern> names = new ArrayList<>();
        for (String raw : globs) {
            String glob = raw.strip();
            while (glob.endsWith("/") && glob.length() > 1) {
                glob = glob.substring(0, glob.length() - 1);
            }
            if (glob.isEmpty() || glob.equals("/") || glob.equals(".")) {
                continue;
            }
            kept.add(glob);
            if (glob.contains("/")) {
                anchored.add(compile(glob.startsWith("/") ? glob.substring(1) : glob, raw));
            } else {
                names.add(compile(glob, raw));
            }
        }
        return kept.isEmpty() ? NONE : new ExcludeFilter(kept, anchored, names);
    }

    /** Parses a comma-separated list, as the {@code dockwarden.backup.exclude} label holds. */
    public static ExcludeFilter parse(String commaSeparated) {
        return of(List.of(commaSeparated.split(",")));
    }

    public List<String> globs() {
        return globs;
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    /**
     * Whether a path is excluded.
     *
     * @param relativePath a path relative to the volume root, without a leading {@code ./}; {@code "."} is the root
     */
    public boolean excludes(String relativePath) {
        if (globs.isEmpty() || relativePath.isEmpty() || relativePath.equals(".")) {
            return false;
        }
        String path = relativePath.endsWith("/") ? relativePath.substring(0, relativePath.length() - 1) : relativePath;
        int end = path.length();
        // The path and each of its ancestors: a matching directory excludes what lies below it.
        while (end > 0) {
            String prefix = path.substring(0, end);
            String name = prefix.substring(prefix.lastIndexOf('/') + 1);
            for (Pattern pattern : names) {
                if (pattern.matcher(name).matches()) {
                    return true;
                }
            }
            for (Pattern pattern : anchored) {
                if (pattern.matcher(prefix).matches()) {
                    return true;
                }
            }
            end = prefix.lastIndexOf('/');
        }
        return false;
    }

    private static Pattern compile(String glob, String original) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        // "**/" also matches no directory at all: "a/**/b" matches "a/b".
                        regex.append(slashFollows ? "(?:.*/)?" : ".*");
                        i += slashFollows ? 3 : 2;
                        continue;
                    }
                    regex.append("[^/]*");
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("exclude glob '" + original + "' has an unclosed '['");
                    }
                    String body = glob.substring(i + 1, close);
                    boolean negated = body.startsWith("!") || body.startsWith("^");
                    if (negated) {
                        body = body.substring(1);
                    }
                    regex.append('[').append(negated ? "^/" : "");
                    for (char member : body.toCharArray()) {
                        if ("\\[]^&".indexOf(member) >= 0) {
                            regex.append('\\');
                        }
                        regex.append(member);
                    }
                    regex.append(']');
                    i = close + 1;
                    continue;
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                        i += 2;
                        continue;
                    }
                    regex.append(Pattern.quote("\\"));
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExcludeFilter filter && filter.globs.equals(globs);
    }

    @Override
    public int hashCode() {
        return globs.hashCode();
    }

    @Override
    public String toString() {
        return "ExcludeFilter" + globs;
    }
}
