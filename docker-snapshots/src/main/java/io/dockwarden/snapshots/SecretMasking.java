package io.dockwarden.snapshots;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets a build step or a command line tends to carry, keeping everything else readable, since the image
 * checks read build steps ({@code ADD} of a URL, {@code curl | sh}, a package upgrade). What it masks:
 * <ul>
 * <li>values of {@code ENV} and {@code ARG} instructions, and the build arguments the engine prefixes to a
 * {@code RUN} step ({@code |2 A=x B=y /bin/sh -c ...});</li>
 * <li>values given with {@code -e}, {@code --env} and {@code --build-arg};</li>
 * <li>values of assignments and options whose name says secret ({@code DB_PASSWORD=...}, {@code --token x},
 * {@code docker login -p x}, {@code curl -u user:x}, {@code Authorization: Bearer x});</li>
 * <li>credentials in URLs ({@code https://user:x@host});</li>
 * <li>any literal occurrence of secret values known from elsewhere, such as the values of environment variables whose
 * names say secret.</li>
 * </ul>
 * Arbitrary literals that look like nothing (a bare token echoed into a file) cannot be recognised; that is why the
 * known secret values are masked wherever they appear.
 */
public final class SecretMasking {

    /** What a masked value reads as. */
    public static final String MASK = "******";

    /** Shorter known values would mask ordinary words everywhere. */
    static final int MIN_KNOWN_SECRET_LENGTH = 4;

    private static final String VALUE = "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s\"']+)";
    private static final String SENSITIVE_NAME =
            "[A-Za-z0-9_.-]*(?:PASSWORD|PASSWD|PASSPHRASE|PASS|PWD|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|"
                    + "PRIVATE[_-]?KEY|CREDENTIALS?|AUTH|SESSION|COOKIE|SIGNATURE|SALT)[A-Za-z0-9_.-]*";

    private static final Pattern SENSITIVE_NAME_PATTERN = Pattern.compile("(?i)^" + SENSITIVE_NAME + "$");

    /** {@code ENV A=1 B=2} or {@code ENV A 1}, as the classic builder ({@code #(nop)}) and BuildKit record it. */
    private static final Pattern ENV_INSTRUCTION = Pattern.compile("^(.*?(?:#\\(nop\\)\\s+)?)(ENV)(\\s+)(.*)$",
            Pattern.DOTALL);
    private static final Pattern ARG_INSTRUCTION = Pattern.compile("^(.*?(?:#\\(nop\\)\\s+)?)(ARG)(\\s+)(.*)$",
            Pattern.DOTALL);
    /** The build arguments a RUN step saw: {@code |2 A=x B=y /bin/sh -c ...}. */
    private static final Pattern BUILD_ARGS_PREFIX = Pattern.compile("^((?:RUN\\s+)?\\|)(\\d+)\\s+(.*)$",
            Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^([^=\\s]+)=" + VALUE);
    private static final Pattern ENV_OPTION =
            Pattern.compile("((?:^|\\s)(?:-e|--env|--build-arg|--label-env|--set-env)(?:=|\\s+))([^=\\s]+)=" + VALUE);
    private static final Pattern SENSITIVE_ASSIGNMENT =
            Pattern.compile("(?i)(?<![A-Za-z0-9_.-])(" + SENSITIVE_NAME + ")(=)" + VALUE);
    /** {@code --token x}; not {@code --password-stdin} or {@code --token-file path}, which name no secret. */
    private static final Pattern SENSITIVE_OPTION = Pattern.compile(
            "(?i)((?:^|\\s)--?(?!\\S*(?:-stdin|-file|_file)(?:[=\\s]|$))(?:" + SENSITIVE_NAME + ")(?:=|\\s+))"
                    + VALUE);
    private static final Pattern LOGIN_PASSWORD =
            Pattern.compile("(\\blogin\\b[^|;&\\n]*?\\s-p(?:=|\\s+))" + VALUE);
    private static final Pattern USER_PASSWORD_OPTION =
            Pattern.compile("((?:^|\\s)(?:-u|--user|--proxy-user)(?:=|\\s+)['\"]?)([^\\s:'\"]+):([^\\s'\"]+)");
    private static final Pattern AUTHORIZATION_HEADER =
            Pattern.compile("(?i)(authorization:\\s*(?:bearer\\s+|basic\\s+|token\\s+|digest\\s+)?)([^\\s'\"]+)");
    private static final Pattern URL_CREDENTIALS =
            Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^/\\s:@'\"]+)(?::([^@\\s/'\"]*))?@");

    private SecretMasking() {
    }

    /** Masks a build step or command line; see the class description for what counts as a secret. */
    public static String mask(String text) {
        return mask(text, List.of());
    }

    /**
     * Masks a build step or command line, and every literal occurrence of the given secret values.
     *
     * @param text the text to mask
     * @param knownSecrets values known to be secret (for example from {@link #secretValuesOf(Collection)}); values
     *        shorter than four characters are ignored
     */
    public static String mask(String text, Collection<String> knownSecrets) {
        String masked = maskKnown(text, knownSecrets);
        masked = maskInstruction(masked);
        masked = replaceGroup(LOGIN_PASSWORD, masked, matcher -> matcher.group(1) + MASK);
        masked = replaceGroup(ENV_OPTION, masked,
                matcher -> matcher.group(1) + matcher.group(2) + "=" + MASK);
        masked = replaceGroup(USER_PASSWORD_OPTION, masked,
                matcher -> matcher.group(1) + matcher.group(2) + ":" + MASK);
        masked = replaceGroup(AUTHORIZATION_HEADER, masked, matcher -> matcher.group(1) + MASK);
        masked = replaceGroup(URL_CREDENTIALS, masked, matcher -> matcher.group(3) == null
                ? matcher.group(1) + MASK + "@"
                : matcher.group(1) + matcher.group(2) + ":" + MASK + "@");
        masked = replaceGroup(SENSITIVE_OPTION, masked, matcher -> matcher.group(1) + MASK);
        masked = replaceGroup(SENSITIVE_ASSIGNMENT, masked, matcher -> isReference(matcher.group(3))
                ? matcher.group()
                : matcher.group(1) + matcher.group(2) + quotedMask(matcher.group(3)));
        return masked;
    }

    /** Whether an environment variable, option or build argument name says that its value is a secret. */
    public static boolean isSensitiveName(String name) {
        // The shell's working directories, not passwords.
        return !name.equals("PWD") && !name.equals("OLDPWD") && SENSITIVE_NAME_PATTERN.matcher(name).matches();
    }

    /**
     * The values of {@code NAME=value} entries (an engine's {@code Env}) whose names say secret, to be masked wherever
     * they appear.
     */
    public static List<String> secretValuesOf(Collection<String> environment) {
        List<String> values = new ArrayList<>();
        for (String entry : environment) {
            int equals = entry.indexOf('=');
            if (equals > 0 && isSensitiveName(entry.substring(0, equals))) {
                String value = entry.substring(equals + 1);
                if (value.length() >= MIN_KNOWN_SECRET_LENGTH) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static String maskKnown(String text, Collection<String> knownSecrets) {
        List<String> longestFirst = new ArrayList<>(knownSecrets);
        // A secret that contains another must be masked whole, before the shorter one breaks it up.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String masked = text;
        for (String secret : longestFirst) {
            if (secret.length() >= MIN_KNOWN_SECRET_LENGTH) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    private static String maskInstruction(String text) {
        Matcher env = ENV_INSTRUCTION.matcher(text);
        if (env.matches() && isInstructionStart(env.group(1))) {
            return env.group(1) + env.group(2) + env.group(3) + maskEnvArguments(env.group(4));
        }
        Matcher arg = ARG_INSTRUCTION.matcher(text);
        if (arg.matches() && isInstructionStart(arg.group(1))) {
            return arg.group(1) + arg.group(2) + arg.group(3) + maskAssignments(arg.group(4), Integer.MAX_VALUE, false);
        }
        Matcher buildArgs = BUILD_ARGS_PREFIX.matcher(text);
        if (buildArgs.matches()) {
            int count = Integer.parseInt(buildArgs.group(2));
            return buildArgs.group(1) + buildArgs.group(2) + " " + maskAssignments(buildArgs.group(3), count, true);
        }
        return text;
    }

    /** An instruction keyword counts only at the start of the step, or right after the classic builder's marker. */
    private static boolean isInstructionStart(String before) {
        String trimmed = before.strip();
        return trimmed.isEmpty() || trimmed.endsWith("#(nop)");
    }

    private static String maskEnvArguments(String arguments) {
        String trimmed = arguments.strip();
        int space = firstWhitespace(trimmed);
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!first.contains("=")) {
            // The legacy form ENV NAME value: everything after the name is the value.
            return space < 0 ? trimmed : first + " " + MASK;
        }
        return maskAssignments(arguments, Integer.MAX_VALUE, false);
    }

    /**
     * Masks the values of up to {@code count} leading {@code NAME=value} assignments and keeps the rest; with
     * {@code stopAtNonAssignment} false it also masks assignments further on, as in {@code ENV A=1 B=2}.
     */
    private static String maskAssignments(String text, int count, boolean stopAtNonAssignment) {
        StringBuilder out = new StringBuilder();
        String rest = text;
        int masked = 0;
        while (!rest.isEmpty() && masked < count) {
            int leading = 0;
            while (leading < rest.length() && Character.isWhitespace(rest.charAt(leading))) {
                leading++;
            }
            out.append(rest, 0, leading);
            rest = rest.substring(leading);
            Matcher assignment = ASSIGNMENT.matcher(rest);
            if (!assignment.lookingAt()) {
                if (stopAtNonAssignment) {
                    break;
                }
                int space = firstWhitespace(rest);
                out.append(space < 0 ? rest : rest.substring(0, space));
                rest = space < 0 ? "" : rest.substring(space);
                continue;
            }
            out.append(assignment.group(1)).append('=').append(quotedMask(assignment.group(2)));
            rest = rest.substring(assignment.end());
            masked++;
        }
        return out.append(rest).toString();
    }

    /** {@code $API_TOKEN} or {@code "$(cat /run/secrets/token)"} name where a secret comes from; they hold none. */
    private static boolean isReference(String value) {
        String unquoted = value.startsWith("\"") || value.startsWith("'") ? value.substring(1) : value;
        return unquoted.startsWith("$");
    }

    private static String quotedMask(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
            char quote = value.charAt(0);
            return quote + MASK + quote;
        }
        return MASK;
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String replaceGroup(Pattern pattern, String text,
            java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
