package io.dockwarden.notification.grouping;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.alerts.AlertStatus;
import io.dockwarden.notification.delivery.Notification;
import io.dockwarden.notification.routing.Receiver;
import io.dockwarden.notification.routing.Route;
import io.dockwarden.notification.routing.RoutingConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes alerts into aggregation groups and flushes each group on Alertmanager's timers: a new group waits
 * {@code group_wait} for more alerts, later notifications come at most every {@code group_interval}, an unchanged
 * group is notified again after {@code repeat_interval}. Silenced alerts are left out (and reported), the notification
 * log decides whether anything changed, and resolved alerts leave the group once the receiver was told (or never
 * needed to be: an alert that fires and resolves within {@code group_wait} sends nothing, and unlike Alertmanager a
 * resolution is only mentioned to a receiver that was told the alert fired).
 *
 * <p>Alerts and the notification log are saved through repositories before anything depends on them, so a restart
 * recreates every group and loses no alert.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How soon a group whose notification could not be handed on (the broker is down) tries again. */
    static final Duration HAND_ON_RETRY = Duration.ofSeconds(10);

    private final Ports.AlertRepository alertRepository;
    private final Ports.NotificationLogRepository logRepository;
    private final Ports.NotificationSink sink;
    private final Ports.Muting muting;
    private final Ports.SilencedListener silencedListener;
    private final Ports.Scheduler scheduler;
    private final Clock clock;

    private final Map<String, Alert> alerts = new HashMap<>();
    private final Map<String, AggregationGroup> groups = new HashMap<>();
    private final Map<String, NotificationLogEntry> notificationLog = new HashMap<>();
    private RoutingConfig config;
    private boolean stopped;

    public Dispatcher(RoutingConfig config, Ports.AlertRepository alertRepository,
            Ports.NotificationLogRepository logRepository, Ports.NotificationSink sink, Ports.Muting muting,
            Ports.SilencedListener silencedListener, Ports.Scheduler scheduler, Clock clock) {
        this.config = config;
        this.alertRepository = alertRepository;
        this.logRepository = logRepository;
        this.sink = sink;
        this.muting = muting;
        this.silencedListener = silencedListener;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Takes back what was stored before a restart; groups of old alerts flush at once, deduplicated by the log. */
    public synchronized void restore(Collection<Alert> storedAlerts, Collection<NotificationLogEntry> entries) {
        entries.forEach(entry -> notificationLog.put(entry.key(), entry));
        storedAlerts.forEach(alert -> {
            alerts.put(alert.fingerprint(), alert);
            route(alert);
        });
    }

    /**
     * Takes an alert in: stores it, then adds it to the groups of every route it matches.
     *
     * @return whether anything changed; a redelivered or stale event, or the resolution of an alert that is not
     *     known to fire, changes nothing
     */
    public synchronized boolean ingest(Alert incoming) {
        Alert existing = alerts.get(incoming.fingerprint());
        if (existing != null && (existing.sourceEventId().equals(incoming.sourceEventId())
                || incoming.updatedAt().isBefore(existing.updatedAt()))) {
            return false;
        }
        Alert merged = incoming;
        if (incoming.status() == AlertStatus.RESOLVED) {
            if (existing == null || existing.status() == AlertStatus.RESOLVED) {
                return false;
            }
            merged = withStart(incoming, existing.startsAt());
        } else if (existing != null && existing.firingAt(clock.instant())) {
            merged = withStart(incoming, existing.startsAt());
        }
        alertRepository.save(merged);
        alerts.put(merged.fingerprint(), merged);
        route(merged);
        return true;
    }

    /** Applies a new routing tree: every alert is routed again, and the notification log keeps what was sent. */
    public synchronized void reconfigure(RoutingConfig newConfig) {
        groups.values().forEach(group -> cancel(group));
        groups.clear();
        config = newConfig;
        alerts.values().forEach(this::route);
    }

    public synchronized RoutingConfig config() {
        return config;
    }

    /** The alerts known now, as they stand at this time. */
    public synchronized List<Alert> alerts() {
        Instant now = clock.instant();
        return alerts.values().stream().map(alert -> alert.asOf(now))
                .sorted(Comparator.comparing(Alert::startsAt)).toList();
    }

    /** Group keys and the fingerprints they hold. */
    public synchronized Map<String, List<String>> groups() {
        Map<String, List<String>> result = new java.util.TreeMap<>();
        groups.forEach((key, group) -> result.put(key, List.copyOf(group.alerts.keySet())));
        return result;
    }

    public synchronized void stop() {
        stopped = true;
        groups.values().forEach(this::cancel);
    }

    private void route(Alert alert) {
        if (stopped) {
            return;
        }
        for (Route route : config.match(alert.labels())) {
            Map<String, String> groupLabels = route.groupBy().groupLabels(alert.labels());
            String key = AggregationGroup.keyOf(route, groupLabels);
            AggregationGroup group = groups.get(key);
            boolean created = group == null;
            if (created) {
                group = new AggregationGroup(key, route, groupLabels);
                groups.put(key, group);
            }
            group.alerts.put(alert.fingerprint(), alert);
            if (created) {
                // An alert older than the wait (one restored after a restart) is not held back again.
                Duration wait = alert.startsAt().plus(route.groupWait()).isBefore(clock.instant()) ? Duration.ZERO
                        : route.groupWait();
                schedule(group, wait);
            }
        }
    }

    private void schedule(AggregationGroup group, Duration delay) {
        cancel(group);
        group.timer = scheduler.schedule(delay, () -> flush(group));
    }

    private void cancel(AggregationGroup group) {
        if (group.timer != null) {
            group.timer.cancel();
            group.timer = null;
        }
    }

    private void flush(AggregationGroup group) {
        Notification notification;
        Map<String, Alert> snapshot;
        NotificationLogEntry next;
        synchronized (this) {
            group.timer = null;
            if (stopped || groups.get(group.key) != group || group.flushing) {
                return;
            }
            Instant now = clock.instant();
            snapshot = new java.util.LinkedHashMap<>(group.alerts);
            Receiver receiver = config.receiver(group.route.receiver()).orElse(Receiver.log());
            String logKey = NotificationLogEntry.keyOf(receiver.name(), group.key);
            NotificationLogEntry last = notificationLog.get(logKey);
            List<Alert> toSend = new ArrayList<>();
            Set<String> firing = new LinkedHashSet<>();
            Set<String> resolved = new LinkedHashSet<>();
            for (Alert stored : snapshot.values()) {
                Alert alert = stored.asOf(now);
                List<String> silences = muting.muting(alert.labels(), now);
                if (!silences.isEmpty()) {
                    if (group.silencedRecorded.add(alert.fingerprint() + "/" + alert.status())) {
                        silencedListener.silenced(alert, receiver.name(), silences, now);
                    }
                    continue;
                }
                if (alert.firingAt(now)) {
                    firing.add(alert.fingerprint());
                } else if (last != null && last.firing().contains(alert.fingerprint())) {
                    resolved.add(alert.fingerprint());
                } else {
                    // The receiver never heard of it firing (it resolved within group_wait, or between two
                    // notifications): telling it about the resolution would only be noise.
                    continue;
                }
                toSend.add(alert);
            }
            if (toSend.isEmpty() || !NotificationLogEntry.needsUpdate(last, firing, resolved, receiver.sendsResolved(),
                    group.route.repeatInterval(), now)) {
                finish(group, snapshot, now);
                return;
            }
            toSend.sort(Comparator.comparing((Alert alert) -> alert.status() == AlertStatus.FIRING ? 0 : 1)
                    .thenComparing(Alert::startsAt).thenComparing(Alert::fingerprint));
            notification = new Notification(UUID.randomUUID().toString(), receiver.name(), group.key,
                    group.groupLabels, toSend, null, now, null);
            next = new NotificationLogEntry(receiver.name(), group.key, firing, resolved, now);
            group.flushing = true;
        }
        java.util.concurrent.CompletableFuture<Void> handedOn;
        try {
            handedOn = sink.send(notification);
        } catch (RuntimeException e) {
            handedOn = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        CompletableFutures.whenDone(handedOn, failure -> handedOn(group, snapshot, next, failure));
    }

    private synchronized void handedOn(AggregationGroup group, Map<String, Alert> snapshot, NotificationLogEntry entry,
            @Nullable Throwable failure) {
        group.flushing = false;
        Instant now = clock.instant();
        if (failure != null) {
            log.warn("Notification for group {} to {} could not be handed on, trying again in {}: {}", group.key,
                    entry.receiver(), HAND_ON_RETRY, failure.toString());
            if (!stopped && groups.get(group.key) == group) {
                schedule(group, HAND_ON_RETRY);
            }
            return;
        }
        try {
            if (entry.firing().isEmpty()) {
                logRepository.deleteEntry(entry.key());
                notificationLog.remove(entry.key());
            } else {
                logRepository.save(entry);
                notificationLog.put(entry.key(), entry);
            }
        } catch (RuntimeException e) {
            // The notification went out; a lost log entry means at worst one more, never one fewer.
            log.warn("Notification log for group {} not stored: {}", group.key, e.toString());
            notificationLog.put(entry.key(), entry);
        }
        finish(group, snapshot, now);
    }

    /** Drops resolved alerts the flush covered, and the group once empty; otherwise waits for the next interval. */
    private void finish(AggregationGroup group, Map<String, Alert> snapshot, Instant now) {
        for (Alert flushed : snapshot.values()) {
            Alert current = group.alerts.get(flushed.fingerprint());
            if (current != null && current.equals(flushed) && !current.firingAt(now)) {
                group.alerts.remove(flushed.fingerprint());
                group.silencedRecorded.remove(flushed.fingerprint() + "/" + AlertStatus.FIRING);
                group.silencedRecorded.remove(flushed.fingerprint() + "/" + AlertStatus.RESOLVED);
                forgetIfUnused(flushed);
            }
        }
        if (groups.get(group.key) != group || stopped) {
            return;
        }
        if (group.alerts.isEmpty()) {
            groups.remove(group.key);
            cancel(group);
        } else {
            schedule(group, group.route.groupInterval());
        }
    }

    private void forgetIfUnused(Alert alert) {
        for (AggregationGroup group : groups.values()) {
            if (group.alerts.containsKey(alert.fingerprint())) {
                return;
            }
        }
        Alert current = alerts.get(alert.fingerprint());
        if (current != null && current.equals(alert)) {
            alerts.remove(alert.fingerprint());
            try {
                alertRepository.delete(alert.fingerprint());
            } catch (RuntimeException e) {
                // Restored after a restart, it would resolve again and be dropped by the log: harmless.
                log.warn("Resolved alert {} not removed from the store: {}", alert.fingerprint(), e.toString());
            }
        }
    }

    private static Alert withStart(Alert alert, Instant startsAt) {
        return new Alert(alert.fingerprint(), alert.status(), alert.severity(), alert.title(), alert.summary(),
                alert.labels(), alert.links(), alert.sourceEventId(), startsAt, alert.endsAt(), alert.autoResolveAt(),
                alert.updatedAt());
    }
}
