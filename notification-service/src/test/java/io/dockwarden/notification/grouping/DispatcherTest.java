package io.dockwarden.notification.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.finding.Severity;
import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.alerts.AlertStatus;
import io.dockwarden.notification.delivery.Notification;
import io.dockwarden.notification.routing.RoutingConfig;
import io.dockwarden.notification.routing.RoutingFile;
import io.dockwarden.notification.routing.RoutingFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final ManualTime time = new ManualTime(START);
    private final List<Notification> sent = new ArrayList<>();
    private final Map<String, Alert> storedAlerts = new HashMap<>();
    private final Map<String, NotificationLogEntry> storedLog = new HashMap<>();
    private final List<String> silenced = new ArrayList<>();
    private final List<String> silencedHosts = new ArrayList<>();
    private int sequence;

    private final Ports.AlertRepository alertRepository = new Ports.AlertRepository() {
        @Override
        public void save(Alert alert) {
            storedAlerts.put(alert.fingerprint(), alert);
        }

        @Override
        public void delete(String fingerprint) {
            storedAlerts.remove(fingerprint);
        }
    };

    private final Ports.NotificationLogRepository logRepository = new Ports.NotificationLogRepository() {
        @Override
        public void save(NotificationLogEntry entry) {
            storedLog.put(entry.key(), entry);
        }

        @Override
        public void deleteEntry(String key) {
            storedLog.remove(key);
        }
    };

    private final RoutingConfig routing = routing("""
            route:
              receiver: ops
              group_by: [alertname]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
            receivers:
            - {name: ops, log_configs: [{}]}
            """);

    private Dispatcher dispatcher = dispatcher(routing);

    @Test
    void fiftyAlertsWithinGroupWaitMakeOneNotification() {
        for (int i = 0; i < 50; i++) {
            dispatcher.ingest(firing("host-" + i));
            time.advance(Duration.ofMillis(500));
        }
        assertThat(sent).isEmpty();

        time.advance(Duration.ofSeconds(6));

        assertThat(sent).singleElement().satisfies(notification -> {
            assertThat(notification.alerts()).hasSize(50);
            assertThat(notification.groupLabels()).containsEntry("alertname", "ComplianceFinding");
        });
    }

    @Test
    void anAlertThatResolvesWithinGroupWaitSendsNothing() {
        dispatcher.ingest(firing("web-1"));
        time.advance(Duration.ofSeconds(10));
        dispatcher.ingest(resolved("web-1"));

        time.advance(Duration.ofHours(1));

        assertThat(sent).isEmpty();
        assertThat(storedAlerts).isEmpty();
        assertThat(dispatcher.groups()).isEmpty();
    }

    @Test
    void anAlertThatFiresAndResolvesBesideOthersIsNotMentioned() {
        dispatcher.ingest(firing("gone"));
        dispatcher.ingest(resolved("gone"));
        dispatcher.ingest(firing("stays"));

        time.advance(Duration.ofMinutes(1));

        assertThat(sent).singleElement().satisfies(notification -> assertThat(notification.alerts())
                .extracting(alert -> alert.label("host")).containsExactly("stays"));
        assertThat(storedAlerts).containsOnlyKeys(fingerprintOf("stays"));
    }

    @Test
    void laterAlertsWaitForTheGroupIntervalAndResolutionsAreSent() {
        dispatcher.ingest(firing("web-1"));
        time.advance(Duration.ofSeconds(30));
        assertThat(sent).hasSize(1);

        dispatcher.ingest(firing("web-2"));
        time.advance(Duration.ofMinutes(4));
        assertThat(sent).hasSize(1);
        time.advance(Duration.ofMinutes(1));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).alerts()).hasSize(2);

        dispatcher.ingest(resolved("web-1"));
        time.advance(Duration.ofMinutes(5));
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).alerts()).extracting(Alert::status)
                .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);

        time.advance(Duration.ofMinutes(5));
        assertThat(sent).hasSize(3);
        assertThat(storedAlerts).containsOnlyKeys(fingerprintOf("web-2"));
    }

    @Test
    void anUnchangedGroupIsNotifiedAgainAfterTheRepeatInterval() {
        dispatcher.ingest(firing("web-1"));
        time.advance(Duration.ofSeconds(30));
        time.advance(Duration.ofHours(3).plusMinutes(55));
        assertThat(sent).hasSize(1);

        time.advance(Duration.ofMinutes(10));

        assertThat(sent).hasSize(2);
    }

    @Test
    void redeliveredAndStaleEventsChangeNothing() {
        Alert alert = firing("web-1");
        assertThat(dispatcher.ingest(alert)).isTrue();
        assertThat(dispatcher.ingest(alert)).isFalse();
        Alert older = new Alert(alert.fingerprint(), AlertStatus.RESOLVED, alert.severity(), alert.title(), "",
                alert.labels(), List.of(), "older-event", START.minusSeconds(60), START.minusSeconds(60), null,
                START.minusSeconds(60));
        assertThat(dispatcher.ingest(older)).isFalse();
        assertThat(dispatcher.ingest(resolved("never-fired"))).isFalse();
    }

    @Test
    void silencedAlertsAreLeftOutAndReportedOnce() {
        dispatcher.ingest(firing("web-1"));
        dispatcher.ingest(firing("muted"));

        time.advance(Duration.ofMinutes(11));

        assertThat(sent).singleElement().satisfies(notification -> assertThat(notification.alerts())
                .extracting(alert -> alert.label("host")).containsExactly("web-1"));
        assertThat(silenced).containsExactly("silence-1");
        assertThat(silencedHosts).containsExactly("muted");
    }

    @Test
    void aRestartRestoresGroupsWithoutRepeatingWhatWasSent() {
        dispatcher.ingest(firing("web-1"));
        time.advance(Duration.ofSeconds(30));
        assertThat(sent).hasSize(1);
        dispatcher.stop();

        dispatcher = dispatcher(routing);
        dispatcher.restore(storedAlerts.values(), storedLog.values());
        time.advance(Duration.ofMinutes(1));
        assertThat(sent).hasSize(1);

        dispatcher.ingest(firing("web-2"));
        time.advance(Duration.ofMinutes(5));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).alerts()).hasSize(2);
    }

    @Test
    void anAlertNotHandedOnIsNotifiedAgain() {
        List<Notification> attempts = new ArrayList<>();
        Dispatcher failing = new Dispatcher(routing, alertRepository, logRepository, notification -> {
            attempts.add(notification);
            return attempts.size() == 1 ? CompletableFuture.failedFuture(new IllegalStateException("broker down"))
                    : CompletableFuture.completedFuture(null);
        }, (labels, now) -> List.of(), (alert, receiver, ids, now) -> { }, time, time);
        failing.ingest(firing("web-1"));

        time.advance(Duration.ofSeconds(30).plus(Dispatcher.HAND_ON_RETRY));

        assertThat(attempts).hasSize(2);
        assertThat(storedLog).hasSize(1);
    }

    @Test
    void theDedupDecisionFollowsAlertmanager() {
        NotificationLogEntry last = new NotificationLogEntry("ops", "g", java.util.Set.of("a"), java.util.Set.of(),
                START);
        Duration repeat = Duration.ofHours(4);
        assertThat(NotificationLogEntry.needsUpdate(null, java.util.Set.of(), java.util.Set.of("a"), true, repeat,
                START)).isFalse();
        assertThat(NotificationLogEntry.needsUpdate(last, java.util.Set.of("a", "b"), java.util.Set.of(), true,
                repeat, START)).isTrue();
        assertThat(NotificationLogEntry.needsUpdate(last, java.util.Set.of(), java.util.Set.of("a"), false, repeat,
                START)).isTrue();
        assertThat(NotificationLogEntry.needsUpdate(last, java.util.Set.of("a"), java.util.Set.of("c"), false,
                repeat, START)).isFalse();
        assertThat(NotificationLogEntry.needsUpdate(last, java.util.Set.of("a"), java.util.Set.of("c"), true,
                repeat, START)).isTrue();
        assertThat(NotificationLogEntry.needsUpdate(last, java.util.Set.of("a"), java.util.Set.of(), true, repeat,
                START.plus(repeat))).isTrue();
    }

    private Dispatcher dispatcher(RoutingConfig config) {
        return new Dispatcher(config, alertRepository, logRepository, notification -> {
            sent.add(notification);
            return CompletableFuture.completedFuture(null);
        }, (labels, now) -> "muted".equals(labels.get("host")) ? List.of("silence-1") : List.of(),
                (alert, receiver, ids, now) -> {
                    silenced.addAll(ids);
                    silencedHosts.add(alert.label("host"));
                }, time, time);
    }

    private Alert firing(String host) {
        Map<String, String> labels = Map.of("alertname", "ComplianceFinding", "host", host, "check", "5.5");
        return new Alert(fingerprintOf(host), AlertStatus.FIRING, Severity.HIGH, "5.5 fails on " + host, "summary",
                labels, List.of(), "event-" + sequence++, time.instant(), null, null, time.instant());
    }

    private Alert resolved(String host) {
        Map<String, String> labels = Map.of("alertname", "ComplianceFinding", "host", host, "check", "5.5");
        return new Alert(fingerprintOf(host), AlertStatus.RESOLVED, Severity.HIGH, "5.5 fails on " + host, "passed",
                labels, List.of(), "event-" + sequence++, time.instant(), time.instant(), null, time.instant());
    }

    private static String fingerprintOf(String host) {
        return "fp-" + host;
    }

    private static RoutingConfig routing(String yaml) {
        try {
            return RoutingFile.parse("routing.yml", yaml, null, (name, template) -> { });
        } catch (RoutingFileException e) {
            throw new AssertionError(e);
        }
    }
}
