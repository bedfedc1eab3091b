package io.dockwarden.notification.secrets;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes every known secret from text that leaves the service (failure reasons, log lines, events): the secrets
 * themselves, their base64 key part, and credentials or query strings of URLs. Channels word their errors without
 * secrets in the first place; this is the second line of defence for text that comes from libraries.
 */
public final class SecretRedactor {

    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b(https?://)[^/@\\s]+@");
    private static final Pattern URL_QUERY = Pattern.compile("(?i)\\b(https?://[^\\s?#\"']+)\\?[^\\s\"']*");
    private static final int MIN_SECRET_CHARS = 4;

    private final List<String> secrets;

    private SecretRedactor(Collection<String> secrets) {
        Set<String> unique = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret.length() >= MIN_SECRET_CHARS) {
                unique.add(secret);
            }
        }
        // Longest first, so that a secret containing another is removed whole.
        this.secrets = unique.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static SecretRedactor none() {
        return new SecretRedactor(List.of());
    }

    /** A redactor for these secrets and the forms they travel in (a {@code whsec_} secret's key part, URL paths). */
    public static SecretRedactor of(Collection<Secret> secrets) {
        Set<String> values = new LinkedHashSet<>();
        for (Secret secret : secrets) {
            String value = secret.value();
            values.add(value);
            if (value.startsWith("whsec_")) {
                values.add(value.substring("whsec_".length()));
            }
            if (value.startsWith("http://") || value.startsWith("https://")) {
                // A Slack-style webhook URL is a secret as a whole; its path alone is one too.
                String path = URI.create(value).getRawPath();
                if (path != null && path.length() > 1) {
                    values.add(path);
                }
            }
        }
        return new SecretRedactor(values);
    }

    public SecretRedactor and(SecretRedactor other) {
        Set<String> all = new LinkedHashSet<>(secrets);
        all.addAll(other.secrets);
        return new SecretRedactor(all);
    }

    public String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, Secret.MASK);
            String encoded = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            result = result.replace(encoded, Secret.MASK);
        }
        result = URL_USER_INFO.matcher(result).replaceAll("$1" + Secret.MASK + "@");
        return URL_QUERY.matcher(result).replaceAll("$1?" + Secret.MASK);
    }
}
