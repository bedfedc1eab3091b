package io.dockwarden.backup.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many backups of a volume to keep, grandfather-father-son style: the last {@code last} backups, plus the newest
 * backup of each of the last {@code hourly} hours, {@code daily} days, {@code weekly} ISO weeks, {@code monthly} months
 * and {@code yearly} years that have one. Written as in the {@code dockwarden.backup.retention} label:
 * {@code last=7,daily=7,weekly=4,monthly=6}; a key left out keeps none by that rule.
 *
 * @param last most recent backups kept whatever their dates
 * @param hourly hours kept
 * @param daily days kept
 * @param weekly ISO weeks kept
 * @param monthly months kept
 * @param yearly years kept
 */
public record RetentionPolicy(int last, int hourly, int daily, int weekly, int monthly, int yearly) {

    private static final List<String> KEYS = List.of("last", "hourly", "daily", "weekly", "monthly", "yearly");

    public RetentionPolicy {
        if (last < 0 || hourly < 0 || daily < 0 || weekly < 0 || monthly < 0 || yearly < 0) {
            throw new IllegalArgumentException("retention counts cannot be negative");
        }
    }

    /**
     * Parses {@code key=count} pairs separated by commas.
     *
     * @throws IllegalArgumentException naming the pair that is wrong
     */
    public static RetentionPolicy parse(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("retention '" + text + "': '" + trimmed + "' is not key=count");
            }
            String key = trimmed.substring(0, equals).strip().toLowerCase(java.util.Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("retention '" + text + "': unknown key '" + key + "' (known: "
                        + String.join(", ", KEYS) + ")");
            }
            int count;
            try {
                count = Integer.parseInt(trimmed.substring(equals + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("retention '" + text + "': '" + trimmed + "' needs a whole number");
            }
            if (count < 0) {
                throw new IllegalArgumentException("retention '" + text + "': '" + trimmed + "' is negative");
            }
            if (counts.put(key, count) != null) {
                throw new IllegalArgumentException("retention '" + text + "': '" + key + "' is given twice");
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("retention '" + text + "' names no rule");
        }
        return new RetentionPolicy(counts.getOrDefault("last", 0), counts.getOrDefault("hourly", 0),
                counts.getOrDefault("daily", 0), counts.getOrDefault("weekly", 0), counts.getOrDefault("monthly", 0),
                counts.getOrDefault("yearly", 0));
    }

    /** The policy as the label writes it, rules with a count of zero left out. */
    public String text() {
        List<String> pairs = new ArrayList<>();
        int[] counts = {last, hourly, daily, weekly, monthly, yearly};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                pairs.add(KEYS.get(i) + "=" + counts[i]);
            }
        }
        return pairs.isEmpty() ? "last=1" : String.join(",", pairs);
    }
}
