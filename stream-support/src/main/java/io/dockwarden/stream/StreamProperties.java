package io.dockwarden.stream;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service talks to Kafka, under {@code dockwarden.stream}.
 *
 * @param source the CloudEvents {@code source} of what this service publishes; defaults to
 *     {@code /dockwarden/<spring.application.name>}
 * @param maxPayloadBytes records larger than this are rejected (and dead-lettered) without being parsed
 * @param sendTimeout how long a publish waits for the broker's acknowledgement (the producer retries meanwhile)
 * @param retry retries of a record whose processing failed for a reason that may pass (an outage)
 */
@Validated
@ConfigurationProperties("dockwarden.stream")
public record StreamProperties(
        @Nullable String source,
        @Min(1024) @DefaultValue("1048576") int maxPayloadBytes,
        @DefaultValue("2m") Duration sendTimeout,
        @DefaultValue Retry retry) {

    /**
     * Exponential backoff for records whose processing failed; after the last attempt the record is dead-lettered.
     *
     * @param initialInterval the first wait
     * @param multiplier growth of the wait per attempt
     * @param maxInterval the longest wait
     * @param maxAttempts attempts in all, the first one included
     */
    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval,
            @Min(1) @DefaultValue("6") int maxAttempts) {
    }
}
