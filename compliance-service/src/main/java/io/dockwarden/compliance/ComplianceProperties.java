package io.dockwarden.compliance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the compliance service, under {@code dockwarden.compliance}.
 *
 * @param state where finding state is kept so that restarts and new instances continue where the last one stopped
 * @param checks what operators declare about their platform that the Engine API cannot show
 * @param rules custom rule files
 * @param waivers central waiver file and limits of label waivers
 * @param reports when reports are generated and where they are archived
 * @param s3 the S3 service reports are archived to
 * @param reevaluationInterval how often every subject is evaluated again without a new event (waivers whose
 *     expiry came in range, drift); expiries and reloads trigger re-evaluation at once anyway
 * @param resolvedRetention how long resolved findings stay listed (in /api/findings and the reports' "resolved
 *     since the previous report")
 */
@Validated
@ConfigurationProperties("dockwarden.compliance")
public record ComplianceProperties(
        @Valid @DefaultValue State state,
        @Valid @DefaultValue Checks checks,
        @Valid @DefaultValue Rules rules,
        @Valid @DefaultValue Waivers waivers,
        @Valid @DefaultValue Reports reports,
        @Valid @DefaultValue S3 s3,
        @DefaultValue("1h") Duration reevaluationInterval,
        @DefaultValue("31d") Duration resolvedRetention) {

    /**
     * The compacted topic holding the state of every container and engine.
     *
     * @param topic topic name; created compacted if missing
     * @param partitions partitions when the topic is created
     * @param replicationFactor replication factor when the topic is created; -1 for the broker's default
     * @param removedRetention how long a removed container's marker is kept, so that a late redelivery of one of
     *     its older events cannot bring it back
     * @param catchUpTimeout how long startup and a partition assignment wait for the state to be read to its end
     */
    public record State(
            @NotBlank @DefaultValue("dockwarden.compliance.finding-state") String topic,
            @Min(1) @DefaultValue("3") int partitions,
            @DefaultValue("-1") short replicationFactor,
            @DefaultValue("7d") Duration removedRetention,
            @DefaultValue("2m") Duration catchUpTimeout) {
    }

    /**
     * Declarations that keep checks from reporting what the platform handles in ways the API cannot show.
     *
     * @param daemonNoNewPrivileges the daemon sets no-new-privileges by default (5.26)
     * @param allowedCgroupParents confirmed cgroup parents (5.25)
     * @param remoteLoggingDeclared json-file/local logs are shipped centrally by other means (2.13)
     * @param declaredSeccompProfiles accepted custom daemon-wide seccomp profiles (2.17)
     * @param secretEnvNameAllowList image environment variable names that look like secrets but are not (4.10)
     * @param disabled ids of checks not to evaluate; their findings resolve as check-removed
     */
    public record Checks(
            @DefaultValue("false") boolean daemonNoNewPrivileges,
            @DefaultValue List<String> allowedCgroupParents,
            @DefaultValue("false") boolean remoteLoggingDeclared,
            @DefaultValue List<String> declaredSeccompProfiles,
            @DefaultValue({"GPG_KEY", "GPG_KEYS"}) List<String> secretEnvNameAllowList,
            @DefaultValue List<String> disabled) {
    }

    /**
     * Custom rule files.
     *
     * @param directory a directory whose {@code *.yaml} and {@code *.yml} files hold custom rules; none when unset
     * @param reloadInterval how often the directory is checked for changes
     */
    public record Rules(@Nullable Path directory, @DefaultValue("10s") Duration reloadInterval) {
    }

    /**
     * Waivers.
     *
     * @param file the central waiver file; none when unset
     * @param reloadInterval how often the file is checked for changes
     * @param labelMaximum how far ahead a label waiver may expire; labels beyond are ignored and reported
     */
    public record Waivers(@Nullable Path file, @DefaultValue("10s") Duration reloadInterval,
            @DefaultValue("180d") Duration labelMaximum) {
    }

    /**
     * Reports.
     *
     * @param scheduled whether reports are generated on the schedule (by the instance owning partition 0 of the
     *     container events)
     * @param cron when, as a Spring cron expression (second minute hour day month weekday)
     * @param zone the time zone of the cron expression
     * @param bucket the bucket reports are archived in; created if missing
     * @param prefix the key prefix of archived reports
     */
    public record Reports(
            @DefaultValue("true") boolean scheduled,
            @NotBlank @DefaultValue("0 0 0 * * *") String cron,
            @DefaultValue("UTC") ZoneId zone,
            @NotBlank @DefaultValue("dockwarden-reports") String bucket,
            @DefaultValue("reports/") String prefix) {
    }

    /**
     * The S3 service.
     *
     * @param endpoint the S3 endpoint
     * @param region the region requests are signed for
     * @param accessKey the access key ({@code DOCKWARDEN_COMPLIANCE_S3_ACCESS_KEY_FILE} names a file holding it)
     * @param secretKey the secret key ({@code DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY_FILE} names a file holding it)
     */
    public record S3(
            @DefaultValue("http://localhost:9000") URI endpoint,
            @NotBlank @DefaultValue("us-east-1") String region,
            @Nullable String accessKey,
            @Nullable String secretKey) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + (accessKey == null ? "unset"
                    : "set") + ", secretKey=" + (secretKey == null ? "unset" : "set") + "]";
        }
    }
}
