package io.dockwarden.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.container.ContainerDied;
import io.dockwarden.events.fixtures.EventFixtures;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.notification.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventAlertsTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final EventAlerts alerts = new EventAlerts(
            new AlertLinks(List.of("https://dockwarden.example/findings/{host}/{container}/{check}",
                    "https://dockwarden.example/volumes/{host}/{volume}")), Duration.ofMinutes(5));

    @Test
    void aFindingFiresWhenOpenedAndResolvesWithTheSameFingerprint() {
        Alert opened = alert(Events.findingOpened("host-1", "c1", "5.5", Severity.HIGH, AT));
        Alert resolved = alert(Events.findingResolved("host-1", "c1", "5.5", Severity.HIGH, AT.plusSeconds(60)));

        assertThat(opened.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(opened.severity()).isEqualTo(Severity.HIGH);
        assertThat(opened.labels()).containsEntry("alertname", "ComplianceFinding").containsEntry("type", "finding")
                .containsEntry("host", "host-1").containsEntry("container", "c1").containsEntry("check", "5.5")
                .containsEntry("image", "nginx:1.27").containsEntry("severity", "high");
        assertThat(opened.title()).contains("CIS 5.5", "web-c1", "host-1");
        assertThat(opened.summary()).contains("Evidence: HostConfig.Binds", "Remediation:");
        assertThat(opened.links()).containsExactly("https://dockwarden.example/findings/host-1/c1/5.5");
        assertThat(opened.fingerprint()).hasSize(16);
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.endsAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(resolved.fingerprint()).isEqualTo(opened.fingerprint());
    }

    @Test
    void aFailedBackupFiresUntilTheNextCompletedBackupOfTheVolume() {
        Alert failed = alert(Events.backupFailed("host-1", "pgdata", AT));
        Alert completed = alert(Events.backupCompleted("host-1", "pgdata", AT.plusSeconds(600)));
        Alert otherVolume = alert(Events.backupCompleted("host-1", "redis", AT.plusSeconds(600)));

        assertThat(failed.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(failed.labels()).containsEntry("type", "backup").containsEntry("volume", "pgdata");
        assertThat(failed.links()).containsExactly("https://dockwarden.example/volumes/host-1/pgdata");
        assertThat(completed.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(completed.fingerprint()).isEqualTo(failed.fingerprint());
        assertThat(otherVolume.fingerprint()).isNotEqualTo(failed.fingerprint());
    }

    @Test
    void anyOtherEventIsAnInformationalAlertThatResolvesByItself() {
        ContainerDied died = EventFixtures.sampleOf(EventCatalog.CONTAINER_DIED);
        Alert alert = alert(died);

        assertThat(alert.labels()).containsEntry("alertname", "container.died").containsEntry("type", "container")
                .containsEntry("host", died.hostId()).containsEntry("container", died.containerId())
                .containsEntry("severity", "info");
        assertThat(alert.firingAt(AT.plusSeconds(60))).isTrue();
        assertThat(alert.asOf(AT.plus(Duration.ofMinutes(5))).status()).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void aReportAsksForADigest() {
        assertThat(alerts.translate(Events.envelope(Events.report("r1", AT, 80, 3, "reports", List.of()), AT)))
                .isInstanceOf(Translation.ReportDigest.class);
    }

    private Alert alert(io.dockwarden.events.EventData data) {
        return ((Translation.AlertUpdate) alerts.translate(Events.envelope(data, AT))).alert();
    }
}
