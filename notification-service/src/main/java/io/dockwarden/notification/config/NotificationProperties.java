package io.dockwarden.notification.config;

import io.dockwarden.notification.secrets.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notification service, under {@code dockwarden.notification}. Secrets ({@code email.password},
 * {@code archive.secret-key}) can also come from a file named by {@code <SETTING>_FILE}, such as
 * {@code DOCKWARDEN_NOTIFICATION_EMAIL_PASSWORD_FILE}; {@code toString()} masks them.
 *
 * @param routingFile the routing file (routes, receivers, subscriptions); without one, every alert goes to the log
 * @param routingReloadInterval how often the routing file is checked for changes
 * @param consumedTopics the topics whose events become alerts and digests
 * @param topics the service's own topics
 * @param resolveTimeout when an alert that no event resolves counts as resolved (events other than findings and
 *     backups)
 * @param alertLinks URL templates for alert links, with {@code {label}} placeholders
 * @param retry retries of failed deliveries
 * @param http webhook and Slack HTTP settings
 * @param channels concurrency and rate limits by channel kind (webhook, slack, email, kafka, log)
 * @param email service-wide SMTP settings, which e-mail integrations may override
 * @param archive the S3 archive of reports, for presigned links in digests
 * @param deliveryLogSize delivery log lines kept for {@code GET /api/deliveries}
 * @param silenceRetention how long expired silences are kept before they are forgotten
 * @param handOnTimeout how long a consumed report waits for its digests to be delivered or parked
 */
@Validated
@ConfigurationProperties("dockwarden.notification")
public record NotificationProperties(
        @Nullable Path routingFile,
        @DefaultValue("5s") Duration routingReloadInterval,
        @NotEmpty @DefaultValue({"dockwarden.compliance.findings", "dockwarden.compliance.reports",
                "dockwarden.backup.events"}) List<String> consumedTopics,
        @Valid @DefaultValue Topics topics,
        @DefaultValue("5m") Duration resolveTimeout,
        @DefaultValue List<String> alertLinks,
        @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue Http http,
        @DefaultValue Map<String, @Valid Lane> channels,
        @Valid @DefaultValue Email email,
        @Valid @DefaultValue Archive archive,
        @Min(10) @DefaultValue("1000") int deliveryLogSize,
        @DefaultValue("5d") Duration silenceRetention,
        @DefaultValue("2m") Duration handOnTimeout) {

    /**
     * The service's own topics.
     *
     * @param state compacted: alerts, the notification log and digest state
     * @param silences compacted: silences by id
     * @param retries compacted: deliveries waiting for their next attempt, by delivery id
     * @param retriesDeadLetter deliveries given up
     * @param retryPartitions partitions of the retry topic, the unit of sharing between instances
     * @param retryGroup the consumer group that shares the retry topic
     */
    public record Topics(
            @NotBlank @DefaultValue("dockwarden.notification.state") String state,
            @NotBlank @DefaultValue("dockwarden.notification.silences") String silences,
            @NotBlank @DefaultValue("dockwarden.notification.retries") String retries,
            @NotBlank @DefaultValue("dockwarden.notification.retries.dlq") String retriesDeadLetter,
            @Min(1) @DefaultValue("3") int retryPartitions,
            @NotBlank @DefaultValue("notification-service-retries") String retryGroup) {
    }

    /**
     * Retries of failed deliveries.
     *
     * @param initialBackoff the wait after the first failure
     * @param multiplier growth of the wait per failure
     * @param maxBackoff the longest computed wait
     * @param jitter spread of each wait (0.2: 80% to 120%)
     * @param maxAttempts attempts in all
     * @param maxAge how long after the first attempt a delivery is still tried
     * @param maxRetryAfter the longest {@code Retry-After} honoured
     */
    public record Retry(
            @DefaultValue("1s") Duration initialBackoff,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @DefaultValue("5m") Duration maxBackoff,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double jitter,
            @Min(1) @DefaultValue("12") int maxAttempts,
            @DefaultValue("24h") Duration maxAge,
            @DefaultValue("1h") Duration maxRetryAfter) {
    }

    /**
     * HTTP settings of webhooks and Slack-style webhooks.
     *
     * @param connectTimeout connection timeout
     * @param requestTimeout whole-request timeout (a webhook config may set its own)
     */
    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout) {
    }

    /**
     * Limits of one channel.
     *
     * @param maxConcurrency sends at once
     * @param ratePerSecond sends per second on average
     * @param burst sends at once after a quiet spell
     */
    public record Lane(@Min(1) @DefaultValue("2") int maxConcurrency,
            @DecimalMin("0.001") @DefaultValue("10") double ratePerSecond, @Min(1) @DefaultValue("10") int burst) {

        public static final Lane DEFAULT = new Lane(2, 10, 10);
    }

    /** The limits of a channel kind, or the default ones. */
    public Lane lane(String channel) {
        return channels.getOrDefault(channel, Lane.DEFAULT);
    }

    /**
     * Service-wide SMTP settings.
     *
     * @param host SMTP host; e-mail integrations without a smarthost need it
     * @param port SMTP port
     * @param username SMTP user
     * @param password SMTP password (also {@code DOCKWARDEN_NOTIFICATION_EMAIL_PASSWORD_FILE})
     * @param from sender address
     * @param startTls require STARTTLS
     * @param tls TLS from the start (SMTPS, usually port 465)
     * @param timeout connect, read and write timeout
     */
    public record Email(
            @Nullable String host,
            @DefaultValue("25") int port,
            @Nullable String username,
            @Nullable Secret password,
            @DefaultValue("dockwarden@localhost") String from,
            @DefaultValue("false") boolean startTls,
            @DefaultValue("false") boolean tls,
            @DefaultValue("10s") Duration timeout) {
    }

    /**
     * The S3 archive of reports.
     *
     * @param endpoint S3 endpoint; without it, digests carry no links
     * @param region the region presigned URLs are signed for
     * @param accessKey access key
     * @param secretKey secret key (also {@code DOCKWARDEN_NOTIFICATION_ARCHIVE_SECRET_KEY_FILE})
     * @param linkExpiry how long links in digests work (at most 7 days)
     * @param formats the archived formats digests link to
     */
    public record Archive(
            @Nullable String endpoint,
            @DefaultValue("us-east-1") String region,
            @Nullable String accessKey,
            @Nullable Secret secretKey,
            @DefaultValue("7d") Duration linkExpiry,
            @DefaultValue({"html", "csv", "sarif"}) Set<String> formats) {
    }
}
