package io.dockwarden.compliance.reports.s3;

import io.dockwarden.compliance.ComplianceProperties;
import io.dockwarden.compliance.findings.kafka.KafkaSubjectStates;
import io.dockwarden.compliance.findings.kafka.PartitionOwnership;
import io.dockwarden.compliance.policy.PolicyHolder;
import io.dockwarden.compliance.reports.ReportKeys;
import io.dockwarden.compliance.reports.ReportService;
import io.dockwarden.events.report.ReportPublished;
import io.dockwarden.stream.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports: the S3 archive, the service that generates them, their announcement and their schedule. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    @Bean(destroyMethod = "close")
    MinioClient reportS3Client(ComplianceProperties properties) {
        ComplianceProperties.S3 s3 = properties.s3();
        MinioClient.Builder builder = MinioClient.builder().endpoint(s3.endpoint().toString()).region(s3.region());
        if (s3.accessKey() != null && s3.secretKey() != null) {
            builder.credentials(s3.accessKey(), s3.secretKey());
        }
        return builder.build();
    }

    @Bean
    S3ReportArchive reportArchive(MinioClient reportS3Client, ComplianceProperties properties) {
        return new S3ReportArchive(reportS3Client, properties.reports().bucket(),
                new ReportKeys(properties.reports().prefix()).prefix());
    }

    @Bean
    ReportService reportService(KafkaSubjectStates states, PolicyHolder policy, S3ReportArchive archive,
            EventPublisher publisher, ComplianceProperties properties, Clock clock,
            ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        return new ReportService(states, policy::catalogue, archive, states,
                (ReportPublished event) -> publisher.publish(event, "report-published:" + event.reportId(),
                        event.generatedAt()),
                new ReportKeys(properties.reports().prefix()), clock, info == null ? "dev" : info.getVersion());
    }

    @Bean
    ReportSchedule reportSchedule(ReportService reports, PartitionOwnership ownership, KafkaSubjectStates states,
            ComplianceProperties properties, MeterRegistry registry) {
        return new ReportSchedule(reports, ownership, states, properties.reports(), registry);
    }

    @Bean
    HealthIndicator s3HealthIndicator(S3ReportArchive archive, ComplianceProperties properties) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("endpoint", properties.s3().endpoint().toString());
            details.put("bucket", properties.reports().bucket());
            try {
                details.put("bucketExists", archive.reachable());
                return Health.up().withDetails(details).build();
            } catch (Exception e) {
                return Health.down().withDetails(details).withDetail("error", e.getClass().getSimpleName() + ": "
                        + e.getMessage()).build();
            }
        };
    }
}
