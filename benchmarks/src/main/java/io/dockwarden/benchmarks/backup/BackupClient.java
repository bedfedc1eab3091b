package io.dockwarden.benchmarks.backup;

import io.dockwarden.benchmarks.stack.Actuator;
import io.dockwarden.events.EventData;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.backup.BackupFailed;
import io.dockwarden.events.backup.BackupVerified;
import io.dockwarden.events.backup.RestoreCompleted;
import io.dockwarden.events.backup.RestoreFailed;
import io.dockwarden.events.codec.DecodeResult;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup service as an operator drives it: requests through its REST API, outcomes read from
 * {@code dockwarden.backup.events}.
 */
public final class BackupClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec("/dockwarden/benchmarks");

    private final Actuator api;

    public BackupClient(Actuator api) {
        this.api = api;
    }

    /** Requests a backup of a volume; returns the backup id. */
    public String requestBackup(String volume) {
        return accepted(api.postJson("/api/backups", "{\"volume\":\"" + volume + "\",\"reason\":\"benchmark\"}"));
    }

    /** Requests a restore into a new volume; returns the restore id. */
    public String requestRestore(String backupId, String targetVolume) {
        return accepted(api.postJson("/api/restores", "{\"backupId\":\"" + backupId + "\",\"targetVolume\":\""
                + targetVolume + "\",\"mode\":\"new\"}"));
    }

    /** Requests the verification of a backup; returns the request id its {@code verified} event carries. */
    public String requestVerification(String backupId) {
        return accepted(api.postJson("/api/backups/" + backupId + "/verify", "{}"), "requestId");
    }

    private static String accepted(HttpResponse<String> response) {
        return accepted(response, "id");
    }

    private static String accepted(HttpResponse<String> response, String field) {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the backup service answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path(field).asString();
    }

    /**
     * Waits for the outcome of an operation: {@link BackupCompleted} or {@link BackupFailed} for a backup id,
     * {@link RestoreCompleted} or {@link RestoreFailed} for a restore id, {@link BackupVerified} for the request id of
     * a verification.
     *
     * @return the outcome with the broker timestamp of its record, empty when none arrived in time
     */
    public static Optional<Outcome> awaitOutcome(TopicProbe events, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : events.records()) {
                DecodeResult decoded = CODEC.decode(record.topic(), record.key(), TopicProbe.headers(record),
                        record.value());
                if (decoded instanceof DecodeResult.Accepted accepted) {
                    EventData data = accepted.envelope().data();
                    if (isOutcomeOf(data, id)) {
                        return Optional.of(new Outcome(data, record.timestamp()));
                    }
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return Optional.empty();
    }

    private static boolean isOutcomeOf(EventData data, String id) {
        if (data instanceof BackupCompleted completed) {
            return completed.backupId().equals(id);
        }
        if (data instanceof BackupFailed failed) {
            return failed.backupId().equals(id);
        }
        if (data instanceof RestoreCompleted completed) {
            return completed.restoreId().equals(id);
        }
        if (data instanceof RestoreFailed failed) {
            return failed.restoreId().equals(id);
        }
        if (data instanceof BackupVerified verified) {
            return id.equals(verified.requestId());
        }
        return false;
    }

    /**
     * An operation's outcome.
     *
     * @param event the event
     * @param recordTimestamp when it was published (epoch milliseconds)
     */
    public record Outcome(EventData event, long recordTimestamp) {

        public boolean succeeded() {
            return event instanceof BackupCompleted || event instanceof RestoreCompleted
                    || event instanceof BackupVerified verified && verified.ok();
        }
    }
}
