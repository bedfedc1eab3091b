package io.dockwarden.backup;

import io.dockwarden.backup.backups.BackupObserver;
import io.dockwarden.backup.backups.BackupPipeline;
import io.dockwarden.backup.backups.BackupSettings;
import io.dockwarden.backup.backups.LeftoverCleanup;
import io.dockwarden.backup.backups.UploadObjects;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.OperationRecords;
import io.dockwarden.backup.catalog.StorageLayout;
import io.dockwarden.backup.crypto.EncryptionKey;
import io.dockwarden.backup.crypto.KeyRing;
import io.dockwarden.backup.policy.PolicyLabels;
import io.dockwarden.backup.policy.RetentionPolicy;
import io.dockwarden.backup.ports.EventSink;
import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.backup.ports.RetryPolicy;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.backup.restores.BackupReader;
import io.dockwarden.backup.restores.RestorePipeline;
import io.dockwarden.backup.verification.VerifyBackup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the pipelines from the settings and the engine, store and event adapters. */
@Configuration(proxyBeanMethods = false)
class PipelinesConfiguration {

    @Bean
    KeyRing keyRing(BackupProperties properties) {
        BackupProperties.Encryption encryption = properties.encryption();
        EncryptionKey current = encryption.enabled() && encryption.key() != null
                ? EncryptionKey.parse(encryption.key(), encryption.keyId()) : null;
        List<EncryptionKey> previous = encryption.previousKeys().stream()
                .map(key -> EncryptionKey.parse(key, null)).toList();
        return new KeyRing(current, previous);
    }

    @Bean
    StorageLayout storageLayout(BackupProperties properties) {
        return new StorageLayout(properties.s3().prefix());
    }

    @Bean
    BackupCatalog backupCatalog(ObjectStore store, StorageLayout layout) {
        return new BackupCatalog(store, layout);
    }

    @Bean
    OperationRecords operationRecords(ObjectStore store, StorageLayout layout) {
        return new OperationRecords(store, layout);
    }

    @Bean
    Retrying retrying(BackupProperties properties) {
        BackupProperties.Retry retry = properties.retry();
        return new Retrying(new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.multiplier(),
                retry.maxBackoff()), Retrying.THREAD_SLEEP);
    }

    @Bean
    BackupSettings backupSettings(BackupProperties properties, KeyRing keys, ObjectProvider<BuildProperties> build) {
        BuildProperties buildProperties = build.getIfAvailable();
        String toolVersion = "dockwarden-backup-service/"
                + (buildProperties == null ? "development" : buildProperties.getVersion());
        return new BackupSettings(
                properties.compression().algorithm().equals("none") ? 0 : properties.compression().level(),
                keys.current().orElse(null), (int) properties.encryption().chunkSize().toBytes(),
                properties.s3().partSize().toBytes(), (int) properties.transfer().pipeBuffer().toBytes(),
                new PolicyLabels.Defaults(properties.defaults().schedule(),
                        RetentionPolicy.parse(properties.defaults().retention())),
                properties.defaults().zone(), toolVersion);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService uploadExecutor() {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "backup-upload-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    LeftoverCleanup leftoverCleanup(ObjectStore store, Retrying retrying) {
        return new LeftoverCleanup(store, retrying);
    }

    @Bean
    BackupMetrics backupMetrics(MeterRegistry registry) {
        return new BackupMetrics(registry);
    }

    @Bean
    BackupPipeline backupPipeline(VolumeEngine engine, BackupCatalog catalog, BackupSettings settings,
            ObjectStore store, ExecutorService uploadExecutor, LeftoverCleanup cleanup, EventSink events,
            Retrying retrying, BackupObserver observer, Clock clock) {
        return new BackupPipeline(engine, catalog, settings, new UploadObjects(store, uploadExecutor), cleanup, events,
                retrying, observer, clock);
    }

    @Bean
    BackupReader backupReader(ObjectStore store, KeyRing keys) {
        return new BackupReader(store, keys);
    }

    @Bean
    RestorePipeline restorePipeline(VolumeEngine engine, BackupCatalog catalog, BackupReader reader,
            EventSink events, Retrying retrying, BackupObserver observer, Clock clock) {
        return new RestorePipeline(engine, catalog, reader, events, retrying, observer, clock);
    }

    @Bean
    VerifyBackup verifyBackup(VolumeEngine engine, RestorePipeline restores, BackupReader reader, EventSink events,
            BackupObserver observer, BackupProperties properties, Clock clock) {
        return new VerifyBackup(engine, restores, reader, events, observer, properties.helper().labels(),
                properties.verification().maxMismatches(), clock);
    }
}
