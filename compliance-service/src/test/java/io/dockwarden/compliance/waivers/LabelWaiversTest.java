package io.dockwarden.compliance.waivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Waiver;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelWaiversTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration MAX = Duration.ofDays(180);

    @Test
    void aJustifiedWaiverWithAnExpiryInRangeIsInForce() {
        LabelWaivers waivers = LabelWaivers.of(Map.of("dockwarden.waive.5.13", "Writes its cache to /var/cache",
                "dockwarden.waive.5.13.expires", "2027-03-01"), NOW, MAX);
        assertThat(waivers.rejected()).isEmpty();
        assertThat(waivers.valid()).containsExactly(Map.entry("5.13", new Waiver("label", "dockwarden.waive.5.13",
                "Writes its cache to /var/cache", Instant.parse("2027-03-01T00:00:00Z"), null)));
    }

    @Test
    void acceptsTimestampsAsExpiry() {
        assertThat(LabelWaivers.of(Map.of("dockwarden.waive.5.4", "needs NET_ADMIN for VPN",
                "dockwarden.waive.5.4.expires", "2026-11-01T00:00:05Z"), NOW, MAX).valid()).containsKey("5.4");
    }

    @Test
    void rejectsAWaiverWithoutJustification() {
        LabelWaivers waivers = LabelWaivers.of(Map.of("dockwarden.waive.5.13", "  ",
                "dockwarden.waive.5.13.expires", "2027-03-01"), NOW, MAX);
        assertThat(waivers.valid()).isEmpty();
        assertThat(waivers.rejected()).singleElement().satisfies(rejected ->
                assertThat(rejected.reason()).isEqualTo("a waiver needs a justification"));
    }

    @Test
    void rejectsAWaiverWithoutExpiryOrTooFarAhead() {
        assertThat(LabelWaivers.of(Map.of("dockwarden.waive.5.13", "because"), NOW, MAX).rejected())
                .singleElement().satisfies(rejected -> assertThat(rejected.reason()).contains("needs an expiry"));
        assertThat(LabelWaivers.of(Map.of("dockwarden.waive.5.13", "because", "dockwarden.waive.5.13.expires",
                "2027-06-01"), NOW, MAX).rejected()).singleElement().satisfies(rejected -> {
                    assertThat(rejected.label()).isEqualTo("dockwarden.waive.5.13.expires");
                    assertThat(rejected.reason()).contains("more than 180 days ahead");
                });
    }

    @Test
    void rejectsAnUnreadableExpiryAndAnOrphanExpiry() {
        assertThat(LabelWaivers.of(Map.of("dockwarden.waive.5.13", "because", "dockwarden.waive.5.13.expires",
                "next spring"), NOW, MAX).rejected()).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).contains("not a date"));
        assertThat(LabelWaivers.of(Map.of("dockwarden.waive.5.12.expires", "2027-01-01"), NOW, MAX).rejected())
                .singleElement().satisfies(rejected -> assertThat(rejected.reason()).contains("without a waiver"));
    }

    @Test
    void anExpiredWaiverIsSimplyNotInForce() {
        LabelWaivers waivers = LabelWaivers.of(Map.of("dockwarden.waive.5.13", "because",
                "dockwarden.waive.5.13.expires", "2026-10-01"), NOW, MAX);
        assertThat(waivers.valid()).isEmpty();
        assertThat(waivers.rejected()).isEmpty();
    }

    @Test
    void theLabelCheckReportsRejectedWaivers() {
        LabelWaiverCheck check = new LabelWaiverCheck(MAX);
        ContainerSnapshotBuilder container = ContainerSnapshotBuilder.from(ContainerSnapshots.hardened());
        assertThat(check.evaluate(new ContainerContext(container.build(), null, NOW)))
                .isInstanceOf(Verdict.NotApplicable.class);
        container.label("dockwarden.waive.5.13", "");
        Verdict verdict = check.evaluate(new ContainerContext(container.build(), null, NOW));
        assertThat(((Verdict.Fail) verdict).evidence()).containsExactly(new Evidence(
                "Config.Labels[\"dockwarden.waive.5.13\"]", "\"\"", "a waiver needs a justification"));
        container.label("dockwarden.waive.5.13", "ok").label("dockwarden.waive.5.13.expires", "2027-01-01");
        assertThat(check.evaluate(new ContainerContext(container.build(), null, NOW))).isInstanceOf(Verdict.Pass.class);
    }
}
