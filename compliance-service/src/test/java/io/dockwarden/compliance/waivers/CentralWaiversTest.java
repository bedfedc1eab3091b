package io.dockwarden.compliance.waivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.compliance.definitions.DefinitionException;
import io.dockwarden.events.finding.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CentralWaiversTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final String FILE = """
            waivers:
              - id: WVR-1
                check: "5.13"
                selector:
                  host: "prod-*"
                  container: "legacy-*"
                  image: "registry.example.com/legacy/*"
                  labels: {team: payments}
                justification: Legacy app writes to /var/cache; rewrite planned.
                expires: 2027-03-01
                approved-by: jane.doe@example.com
              - id: WVR-2
                checks: ["2.13", "5.10"]
                selector: {host: lab-01}
                justification: Lab engine.
                expires: 2026-11-01T00:00:10Z
            """;

    private final WaiverBook book = new WaiverBook(CentralWaiverFile.parse("waivers.yaml", FILE));

    private static WaiverSubject container(String host, String name, String image, Map<String, String> labels) {
        return new WaiverSubject(host, null, name, image, labels);
    }

    @Test
    void readsWaiversWithTheirLines() {
        List<CentralWaiver> waivers = CentralWaiverFile.parse("waivers.yaml", FILE);
        assertThat(waivers).extracting(CentralWaiver::id).containsExactly("WVR-1", "WVR-2");
        assertThat(waivers.get(0).line()).isEqualTo(2);
        assertThat(waivers.get(0).checkIds()).containsExactly("5.13");
        assertThat(waivers.get(1).checkIds()).containsExactlyInAnyOrder("2.13", "5.10");
        assertThat(waivers.get(0).expiresAt()).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
    }

    @Test
    void coversWhatEverySelectorFieldMatches() {
        WaiverSubject matching = container("prod-eu-1", "legacy-billing", "registry.example.com/legacy/billing:7",
                Map.of("team", "payments"));
        Waiver waiver = book.cover("5.13", matching, LabelWaivers.of(Map.of(), NOW, Duration.ofDays(1)), NOW);
        assertThat(waiver).isEqualTo(new Waiver("central", "WVR-1",
                "Legacy app writes to /var/cache; rewrite planned.", Instant.parse("2027-03-01T00:00:00Z"),
                "jane.doe@example.com"));
        LabelWaivers none = LabelWaivers.of(Map.of(), NOW, Duration.ofDays(1));
        assertThat(book.cover("5.12", matching, none, NOW)).isNull();
        assertThat(book.cover("5.13", container("staging-1", "legacy-billing", "registry.example.com/legacy/b:7",
                Map.of("team", "payments")), none, NOW)).isNull();
        assertThat(book.cover("5.13", container("prod-eu-1", "legacy-billing", "registry.example.com/legacy/b:7",
                Map.of("team", "shop")), none, NOW)).isNull();
        assertThat(book.cover("5.13", container("prod-eu-1", "billing", "registry.example.com/legacy/b:7",
                Map.of("team", "payments")), none, NOW)).isNull();
    }

    @Test
    void aHostOnlySelectorCoversHostFindingsAndContainers() {
        LabelWaivers none = LabelWaivers.of(Map.of(), NOW, Duration.ofDays(1));
        assertThat(book.cover("2.13", new WaiverSubject("lab-01", null, null, null, Map.of()), none, NOW)).isNotNull();
        assertThat(book.cover("5.10", container("lab-01", "x", "y", Map.of()), none, NOW)).isNotNull();
        assertThat(book.cover("5.13", new WaiverSubject("prod-1", null, null, null, Map.of()), none, NOW)).isNull();
    }

    @Test
    void anExpiredWaiverCoversNothing() {
        LabelWaivers none = LabelWaivers.of(Map.of(), NOW, Duration.ofDays(1));
        WaiverSubject lab = new WaiverSubject("lab-01", null, null, null, Map.of());
        assertThat(book.cover("2.13", lab, none, NOW.plusSeconds(9))).isNotNull();
        assertThat(book.cover("2.13", lab, none, NOW.plusSeconds(10))).isNull();
    }

    @Test
    void centralWaiversComeBeforeLabelWaivers() {
        WaiverSubject subject = container("prod-eu-1", "legacy-billing", "registry.example.com/legacy/billing:7",
                Map.of("team", "payments"));
        LabelWaivers labels = LabelWaivers.of(Map.of("dockwarden.waive.5.13", "own reason",
                "dockwarden.waive.5.13.expires", "2026-12-01"), NOW, Duration.ofDays(180));
        assertThat(book.cover("5.13", subject, labels, NOW).source()).isEqualTo("central");
        assertThat(WaiverBook.EMPTY.cover("5.13", subject, labels, NOW).source()).isEqualTo("label");
    }

    @Test
    void rejectsWaiversWithoutJustificationOrExpiry() {
        assertThatThrownBy(() -> CentralWaiverFile.parse("w.yaml", """
                waivers:
                  - id: W
                    check: "5.5"
                    expires: 2027-01-01
                """)).isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(2);
                    assertThat(e.problem().reason()).isEqualTo("a waiver needs 'justification'");
                });
        assertThatThrownBy(() -> CentralWaiverFile.parse("w.yaml", """
                waivers:
                  - id: W
                    check: "5.5"
                    justification: x
                    expires: soon
                """)).isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(5);
                    assertThat(e.problem().reason()).contains("must be a date");
                });
    }

    @Test
    void globsMatchWholeValues() {
        assertThat(Glob.of("legacy-*").matches("legacy-billing")).isTrue();
        assertThat(Glob.of("legacy-*").matches("old-legacy-billing")).isFalse();
        assertThat(Glob.of("app-?").matches("app-1")).isTrue();
        assertThat(Glob.of("a.b").matches("aXb")).isFalse();
    }
}
