package io.dockwarden.backup.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final List<Retention.Candidate> TWELVE = List.of(
            at("b01", "2026-11-23T02:00:00Z"), at("b02", "2026-11-22T23:00:00Z"), at("b03", "2026-11-22T02:00:00Z"),
            at("b04", "2026-11-21T02:00:00Z"), at("b05", "2026-11-20T02:00:00Z"), at("b06", "2026-11-14T02:00:00Z"),
            at("b07", "2026-11-07T02:00:00Z"), at("b08", "2026-10-31T02:00:00Z"), at("b09", "2026-10-15T02:00:00Z"),
            at("b10", "2026-09-30T02:00:00Z"), at("b11", "2026-08-01T02:00:00Z"), at("b12", "2025-12-31T02:00:00Z"));

    @Test
    void twelveBackupsWithSyntheticDatesKeepExactlyWhatTheDefaultPolicySays() {
        // 2026-11-23 is a Monday (ISO week 48); 2026-11-22 closes week 47.
        Retention.Decision decision = Retention.apply(shuffled(TWELVE),
                RetentionPolicy.parse("last=2,daily=3,weekly=3,monthly=4"), ZoneOffset.UTC);
        // last: b01 b02; daily: b01 (23rd) b02 (22nd) b04 (21st); weekly: b01 (W48) b02 (W47) b06 (W46);
        // monthly: b01 (Nov) b08 (Oct) b10 (Sep) b11 (Aug).
        assertThat(decision.kept().keySet()).extracting(Retention.Candidate::backupId)
                .containsExactly("b01", "b02", "b04", "b06", "b08", "b10", "b11");
        assertThat(decision.removed()).extracting(Retention.Candidate::backupId)
                .containsExactly("b03", "b05", "b07", "b09", "b12");
        assertThat(decision.kept().get(TWELVE.get(0))).containsExactly("last", "daily 2026-11-23", "weekly 2026-W48",
                "monthly 2026-11");
    }

    @Test
    void yearlyAndHourlyBucketsCountTheirOwnUnits() {
        Retention.Decision decision = Retention.apply(TWELVE, RetentionPolicy.parse("hourly=1,yearly=2"),
                ZoneOffset.UTC);
        assertThat(decision.kept().keySet()).extracting(Retention.Candidate::backupId).containsExactly("b01", "b12");
    }

    @Test
    void daysAreCountedInTheConfiguredZone() {
        // 23:00 UTC on the 22nd is already the 23rd in Berlin, the same day as b01.
        Retention.Decision decision = Retention.apply(TWELVE.subList(0, 3), RetentionPolicy.parse("daily=2"),
                ZoneId.of("Europe/Berlin"));
        assertThat(decision.kept().keySet()).extracting(Retention.Candidate::backupId).containsExactly("b01", "b03");
    }

    @Test
    void neverRemovesTheNewestNorEverything() {
        Retention.Decision decision = Retention.apply(TWELVE, new RetentionPolicy(0, 0, 0, 0, 0, 0),
                ZoneOffset.UTC);
        assertThat(decision.kept().keySet()).extracting(Retention.Candidate::backupId).containsExactly("b01");
        assertThat(decision.removed()).hasSize(11);
        assertThat(Retention.apply(List.of(), RetentionPolicy.parse("last=1"), ZoneOffset.UTC).kept()).isEmpty();
    }

    @Test
    void parsesTheLabelAndSaysWhatIsWrong() {
        assertThat(RetentionPolicy.parse("last=7, daily=7,weekly=4,monthly=6"))
                .isEqualTo(new RetentionPolicy(7, 0, 7, 4, 6, 0));
        assertThat(RetentionPolicy.parse("monthly=6,last=7").text()).isEqualTo("last=7,monthly=6");
        assertThatThrownBy(() -> RetentionPolicy.parse("forever=1")).hasMessageContaining("unknown key 'forever'");
        assertThatThrownBy(() -> RetentionPolicy.parse("last=x")).hasMessageContaining("needs a whole number");
        assertThatThrownBy(() -> RetentionPolicy.parse("last=1,last=2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> RetentionPolicy.parse("daily")).hasMessageContaining("not key=count");
    }

    private static Retention.Candidate at(String id, String time) {
        return new Retention.Candidate(id, Instant.parse(time));
    }

    private static List<Retention.Candidate> shuffled(List<Retention.Candidate> candidates) {
        List<Retention.Candidate> copy = new ArrayList<>(candidates);
        java.util.Collections.shuffle(copy, new java.util.Random(42));
        return copy;
    }
}
