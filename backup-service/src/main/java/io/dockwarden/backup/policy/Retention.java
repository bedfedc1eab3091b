package io.dockwarden.backup.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which backups a {@link RetentionPolicy} keeps. Pure: it only sees ids and dates. Whatever the policy, the
 * newest backup is kept, so retention can never remove every backup of a volume.
 */
public final class Retention {

    private Retention() {
    }

    /**
     * A backup as retention sees it.
     *
     * @param backupId its id
     * @param createdAt when it was taken
     */
    public record Candidate(String backupId, Instant createdAt) {
    }

    /**
     * The decision.
     *
     * @param kept backups kept, newest first, with the rules that keep each
     * @param removed backups to remove, newest first
     */
    public record Decision(Map<Candidate, List<String>> kept, List<Candidate> removed) {

        public Decision {
            kept = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kept));
            removed = List.copyOf(removed);
        }
    }

    /**
     * Applies a policy.
     *
     * @param backups the volume's backups, in any order
     * @param policy the policy
     * @param zone the time zone days, weeks, months and years are counted in
     */
    public static Decision apply(List<Candidate> backups, RetentionPolicy policy, ZoneId zone) {
        List<Candidate> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Candidate::createdAt).thenComparing(Candidate::backupId).reversed());
        Map<Candidate, List<String>> reasons = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(policy.last(), newestFirst.size()); i++) {
            keep(reasons, newestFirst.get(i), "last");
        }
        bucket(newestFirst, policy.hourly(), "hourly", zone,
                time -> time.truncatedTo(ChronoUnit.HOURS).toLocalDateTime().toString(), reasons);
        bucket(newestFirst, policy.daily(), "daily", zone, time -> time.toLocalDate().toString(), reasons);
        bucket(newestFirst, policy.weekly(), "weekly", zone, time -> {
            LocalDate date = time.toLocalDate();
            return date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d",
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }, reasons);
        bucket(newestFirst, policy.monthly(), "monthly", zone, time -> YearMonth.from(time).toString(), reasons);
        bucket(newestFirst, policy.yearly(), "yearly", zone, time -> String.valueOf(time.getYear()), reasons);
        if (!newestFirst.isEmpty() && !reasons.containsKey(newestFirst.get(0))) {
            keep(reasons, newestFirst.get(0), "newest");
        }
        Map<Candidate, List<String>> kept = new LinkedHashMap<>();
        List<Candidate> removed = new ArrayList<>();
        for (Candidate candidate : newestFirst) {
            List<String> why = reasons.get(candidate);
            if (why == null) {
                removed.add(candidate);
            } else {
                kept.put(candidate, List.copyOf(why));
            }
        }
        return new Decision(kept, removed);
    }

    private static void bucket(List<Candidate> newestFirst, int count, String rule, ZoneId zone,
            Function<ZonedDateTime, String> bucketOf, Map<Candidate, List<String>> reasons) {
        if (count <= 0) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Candidate candidate : newestFirst) {
            String bucket = bucketOf.apply(candidate.createdAt().atZone(zone));
            if (seen.add(bucket)) {
                keep(reasons, candidate, rule + " " + bucket);
                if (seen.size() == count) {
                    return;
                }
            }
        }
    }

    private static void keep(Map<Candidate, List<String>> reasons, Candidate candidate, String reason) {
        reasons.computeIfAbsent(candidate, ignored -> new ArrayList<>()).add(reason);
    }
}
