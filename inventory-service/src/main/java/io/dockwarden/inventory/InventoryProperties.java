package io.dockwarden.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inventory service, under {@code dockwarden.inventory}.
 *
 * @param hostId the host id in every event key; defaults to the engine's {@code ID} from {@code /info}. No slash, no
 *     whitespace: it is part of record keys
 * @param docker how to reach the engine
 * @param resyncInterval how often the published state is compared with the engine's, to catch drift; {@code 0}
 *     turns the periodic resync off (a resync still runs after every reconnect)
 * @param pingInterval how often the engine is pinged while connected, so that a silent connection loss (a cut
 *     network) is noticed and the event stream reconnected
 * @param reconnect backoff between attempts to reach an engine that went away
 * @param publishRetry backoff between attempts to publish while the broker does not acknowledge
 * @param workers containers, volumes and the engine handled in parallel (work on one of them is always serial)
 * @param topics whether and how the service creates its topics on start
 */
@Validated
@ConfigurationProperties("dockwarden.inventory")
public record InventoryProperties(
        @Nullable @Pattern(regexp = "^[^/\\s]+$") String hostId,
        @Valid @DefaultValue Docker docker,
        @DefaultValue("5m") Duration resyncInterval,
        @DefaultValue("10s") Duration pingInterval,
        @Valid @DefaultValue Retry reconnect,
        @Valid @DefaultValue Retry publishRetry,
        @Min(1) @Max(64) @DefaultValue("4") int workers,
        @Valid @DefaultValue Topics topics) {

    /**
     * The engine connection.
     *
     * @param host the engine's address: {@code unix:///var/run/docker.sock}, or {@code tcp://host:2376} (with TLS
     *     when {@code tls-verify} is on); defaults to {@code DOCKER_HOST}
     * @param tlsVerify whether to talk TLS and verify the engine's certificate (defaults to {@code DOCKER_TLS_VERIFY})
     * @param certPath directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem} for TLS client
     *     authentication (defaults to {@code DOCKER_CERT_PATH})
     * @param apiVersion Engine API version to speak, such as {@code 1.41}; empty to use the engine's own
     * @param connectTimeout how long connecting may take
     * @param responseTimeout how long a request may wait for the engine's answer (not the event stream, which stays
     *     open)
     * @param maxConnections connections to the engine in the pool
     */
    public record Docker(
            @NotBlank @DefaultValue("unix:///var/run/docker.sock") String host,
            @DefaultValue("false") boolean tlsVerify,
            @Nullable String certPath,
            @Nullable String apiVersion,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("60s") Duration responseTimeout,
            @Min(1) @DefaultValue("16") int maxConnections) {
    }

    /**
     * Exponential backoff.
     *
     * @param initial the first wait
     * @param multiplier how much each wait grows
     * @param max the longest wait
     */
    public record Retry(
            @DefaultValue("500ms") Duration initial,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration max) {
    }

    /**
     * The service's topics.
     *
     * @param create whether to create missing topics on start (off where topics are managed elsewhere)
     * @param partitions partitions of a created topic
     * @param replicationFactor replicas of a created topic; {@code -1} for the broker's default
     */
    public record Topics(
            @DefaultValue("true") boolean create,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(-1) @DefaultValue("-1") short replicationFactor) {
    }
}
