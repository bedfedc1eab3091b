package io.dockwarden.notification.grouping;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.delivery.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What the dispatcher needs from the rest of the service. */
public final class Ports {

    private Ports() {
    }

    /** Durable alerts, so that a restart loses none. */
    public interface AlertRepository {
        void save(Alert alert);

        void delete(String fingerprint);
    }

    /** The durable notification log. */
    public interface NotificationLogRepository {
        void save(NotificationLogEntry entry);

        void deleteEntry(String key);
    }

    /** Where notifications go; the future completes once each is delivered, parked for retries or given up. */
    public interface NotificationSink {
        CompletableFuture<Void> send(Notification notification);
    }

    /** Which silences mute alerts with these labels. */
    public interface Muting {
        List<String> muting(Map<String, String> labels, Instant now);
    }

    /** Told about alerts a silence kept from a receiver. */
    public interface SilencedListener {
        void silenced(Alert alert, String receiver, List<String> silenceIds, Instant now);
    }

    /** Runs tasks later. */
    public interface Scheduler {
        Cancellable schedule(Duration delay, Runnable task);
    }

    /** A scheduled task that can be called off. */
    public interface Cancellable {
        void cancel();
    }
}
