package io.dockwarden.backup.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.backup.policy.PolicyLabels;
import io.dockwarden.backup.policy.RetentionPolicy;
import io.dockwarden.backup.policy.VolumeView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyRegistryTest {

    private final PolicyRegistry registry = new PolicyRegistry(new PolicyLabels.Defaults("0 0 2 * * *",
            RetentionPolicy.parse("last=7")), Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
    private final List<Set<String>> changes = new ArrayList<>();

    PolicyRegistryTest() {
        registry.onChange(changes::add);
    }

    @Test
    void followsLabelledVolumesAndReportsOnlyRealChanges() {
        VolumeView labelled = volume("a", Map.of(PolicyLabels.ENABLED, "true"));
        registry.update(labelled, "event");
        registry.update(labelled, "scan");
        registry.update(volume("plain", Map.of()), "event");
        assertThat(registry.entries()).extracting(PolicyRegistry.Entry::volumeName).containsExactly("a");
        assertThat(changes).containsExactly(Set.of("a"));

        registry.update(volume("a", Map.of(PolicyLabels.ENABLED, "true", PolicyLabels.SCHEDULE, "0 5 * * *")),
                "event");
        registry.remove("a");
        assertThat(registry.entries()).isEmpty();
        assertThat(changes).containsExactly(Set.of("a"), Set.of("a"), Set.of("a"));
    }

    @Test
    void aFullScanDropsVolumesThatAreGoneAndKeepsProblemsVisible() {
        registry.update(volume("gone", Map.of(PolicyLabels.ENABLED, "true")), "event");
        registry.replaceAll(List.of(volume("broken", Map.of(PolicyLabels.ENABLED, "true",
                PolicyLabels.RETENTION, "forever"))), "scan");
        assertThat(registry.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.volumeName()).isEqualTo("broken");
            assertThat(entry.policy()).isNull();
            assertThat(entry.problem()).contains("retention");
        });
        assertThat(changes).last().isEqualTo(Set.of("gone", "broken"));
    }

    @Test
    void cronAcceptsFiveOrSixFieldsAndSaysWhatIsWrong() {
        ZonedDateTime monday = ZonedDateTime.parse("2026-11-23T00:00:00Z");
        assertThat(Crons.parse("30 3 * * *").next(monday)).isEqualTo(ZonedDateTime.parse("2026-11-23T03:30:00Z"));
        assertThat(Crons.parse("0 30 3 * * *").next(monday)).isEqualTo(ZonedDateTime.parse("2026-11-23T03:30:00Z"));
        assertThat(Crons.parse("@weekly").next(monday)).isEqualTo(ZonedDateTime.parse("2026-11-29T00:00:00Z"));
        assertThatThrownBy(() -> Crons.parse("every day")).hasMessageContaining("'every day' is invalid");
    }

    private static VolumeView volume(String name, Map<String, String> labels) {
        return new VolumeView(name, "local", labels, List.of());
    }
}
