package io.dockwarden.notification.silences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.notification.routing.Matcher;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilencesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Map<String, Silence> stored = new HashMap<>();
    private final Silences silences = new Silences(new SilenceRepository() {
        @Override
        public void save(Silence silence) {
            stored.put(silence.id(), silence);
        }

        @Override
        public void delete(String id) {
            stored.remove(id);
        }
    });

    @Test
    void aSilenceMutesMatchingAlertsWhileActiveAndIsStored() {
        Silence silence = silences.create(new Silences.Draft(List.of(Matcher.equal("host", "web-1"),
                Matcher.regex("check", "5\\..*")), null, NOW.plus(Duration.ofHours(2)), "alice", "maintenance"), NOW);

        assertThat(stored).containsKey(silence.id());
        assertThat(silences.muting(Map.of("host", "web-1", "check", "5.5"), NOW)).containsExactly(silence.id());
        assertThat(silences.muting(Map.of("host", "web-1", "check", "4.1"), NOW)).isEmpty();
        assertThat(silences.muting(Map.of("host", "web-1", "check", "5.5"), NOW.plus(Duration.ofHours(3))))
                .isEmpty();
    }

    @Test
    void deletingExpiresAndExpiredSilencesArePurgedLater() {
        Silence silence = silences.create(new Silences.Draft(List.of(Matcher.equal("host", "web-1")), null,
                NOW.plus(Duration.ofHours(2)), "alice", "maintenance"), NOW);

        Silence expired = silences.expire(silence.id(), NOW.plusSeconds(60)).orElseThrow();

        assertThat(expired.state(NOW.plusSeconds(61))).isEqualTo(Silence.State.EXPIRED);
        assertThat(stored.get(silence.id()).endsAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(silences.purgeExpired(NOW.plus(Duration.ofDays(6)), Duration.ofDays(5))).isEqualTo(1);
        assertThat(stored).isEmpty();
    }

    @Test
    void rejectsSilencesThatBreakAlertmanagersRules() {
        assertThatThrownBy(() -> create(List.of(), "alice", "c", NOW.plusSeconds(60)))
                .hasMessageContaining("at least one matcher");
        assertThatThrownBy(() -> create(List.of(Matcher.regex("host", ".*")), "alice", "c", NOW.plusSeconds(60)))
                .hasMessageContaining("empty string");
        assertThatThrownBy(() -> create(List.of(Matcher.equal("host", "a")), " ", "c", NOW.plusSeconds(60)))
                .hasMessageContaining("createdBy");
        assertThatThrownBy(() -> create(List.of(Matcher.equal("host", "a")), "alice", "c", NOW.minusSeconds(60)))
                .hasMessageContaining("endsAt");
    }

    private void create(List<Matcher> matchers, String createdBy, String comment, Instant endsAt) {
        silences.create(new Silences.Draft(matchers, null, endsAt, createdBy, comment), NOW);
    }
}
