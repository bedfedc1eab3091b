package io.dockwarden.benchmarks.backup;

import io.dockwarden.benchmarks.BenchContext;
import io.dockwarden.benchmarks.Benchmark;
import io.dockwarden.benchmarks.results.Figure;
import io.dockwarden.benchmarks.stack.BenchStack;
import io.dockwarden.benchmarks.stack.MemorySampler;
import io.dockwarden.benchmarks.stack.RunningService;
import io.dockwarden.events.Topics;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.localstack.StackServices;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.kafka.TopicProbe;
import io.dockwarden.testsupport.s3.S3Server;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup throughput and memory: one volume (half random, half log text by default) backed up by the backup service
 * (a process with a 256 MiB heap, through its helper container, zstd, AES-256-GCM and a multipart upload to S3), by
 * restic into a repository on the same S3 server, and by {@code tar | zstd} to {@code /dev/null} on the volume's
 * directory, which is the limit of reading and compressing those bytes here. Then both restore it. MB are 10^6 bytes
 * of volume content.
 */
public final class BackupThroughput implements Benchmark {

    static final String NAME = "backup-throughput";
    private static final Logger log = LoggerFactory.getLogger(BackupThroughput.class);
    private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(30);
    private static final List<String> BACKUP_JVM = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        for (String tool : List.of("restic", "zstd", "tar")) {
            if (!ExternalCommand.available(tool)) {
                throw new IllegalStateException(tool + " is not installed (apt-get install -y restic zstd)");
            }
        }
        long bytes = context.options().volumeBytes();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String volume = "dw-bench-backup-" + run;
        String restored = volume + "-restored";
        Path logs = context.resultsDirectory().resolve("logs").resolve(name());
        try (BenchStack stack = context.newStack(name())) {
            stack.requireJars(StackServices.BACKUP);
            DockerEngine engine = stack.engine();
            engine.createVolume(volume, Map.of());
            try {
                Path data = Path.of(engine.client().inspectVolumeCmd(volume).exec().getMountpoint());
                if (!Files.isDirectory(data)) {
                    throw new IllegalStateException("the volume's data is not reachable at " + data + ": this "
                            + "benchmark compares tools reading the same directory, so it needs the engine on this "
                            + "machine and read access to its volumes");
                }
                VolumeContent content = new VolumeContent(bytes, context.options().randomShare(), 42);
                int files = content.writeTo(data);
                ExternalCommand.run(List.of("sync"), Map.of(), logs.resolve("sync.log"), Duration.ofMinutes(5));
                log.info("Volume {} holds {} bytes in {} files", volume, bytes, files);

                ExternalCommand.Ran limit = ExternalCommand.run(List.of("sh", "-c",
                        "tar -C '" + data + "' -cf - . | zstd -3 -q -c > /dev/null"), Map.of(),
                        logs.resolve("tar-zstd.log"), OPERATION_TIMEOUT);

                ServiceRun service = backUpAndRestore(context, stack, volume, restored);
                engine.removeVolumeQuietly(restored);

                Restic restic = new Restic(stack.s3(), "restic-" + run, stack.work().resolve("restic-cache"), logs);
                restic.init();
                ExternalCommand.Ran resticBackup = restic.backup(data);
                ExternalCommand.Ran resticRestore = restic.restoreLatest(stack.work().resolve("restic-restore"));
                long resticStored = storedBytes(stack.s3(), "restic-" + run);

                return figures(bytes, files, content, limit, service, resticBackup, resticRestore, resticStored);
            } finally {
                engine.removeVolumeQuietly(restored);
                engine.removeVolumeQuietly(volume);
            }
        }
    }

    private ServiceRun backUpAndRestore(BenchContext context, BenchStack stack, String volume, String restored) {
        RunningService service = stack.start(stack.services(Map.of()).backup(FreePorts.next()), BACKUP_JVM);
        context.footprints().started(service);
        BackupClient client = new BackupClient(service.actuator());
        try (TopicProbe events = stack.kafka().probe(Topics.BACKUP_EVENTS);
                MemorySampler memory = service.sampleMemory(200)) {
            long requested = System.currentTimeMillis();
            String backupId = client.requestBackup(volume);
            BackupClient.Outcome backup = BackupClient.awaitOutcome(events, backupId, OPERATION_TIMEOUT)
                    .orElseThrow(() -> new IllegalStateException("backup " + backupId + " did not finish within "
                            + OPERATION_TIMEOUT));
            if (!backup.succeeded()) {
                throw new IllegalStateException("backup " + backupId + " failed: " + backup.event());
            }
            long backupMillis = backup.recordTimestamp() - requested;
            requested = System.currentTimeMillis();
            String restoreId = client.requestRestore(backupId, restored);
            BackupClient.Outcome restore = BackupClient.awaitOutcome(events, restoreId, OPERATION_TIMEOUT)
                    .orElseThrow(() -> new IllegalStateException("restore " + restoreId + " did not finish within "
                            + OPERATION_TIMEOUT));
            if (!restore.succeeded()) {
                throw new IllegalStateException("restore " + restoreId + " failed: " + restore.event());
            }
            long restoreMillis = restore.recordTimestamp() - requested;
            context.footprints().underLoad(service.name(), memory, "1 backup and 1 restore");
            return new ServiceRun((BackupCompleted) backup.event(), backupMillis, restoreMillis, memory.maxHeapMiB(),
                    Math.max(memory.peakRssMiB(), memory.maxRssMiB()));
        } finally {
            stack.stop(service);
        }
    }

    private static long storedBytes(S3Server s3, String bucket) {
        long total = 0;
        try (MinioClient client = s3.client()) {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                    .build())) {
                total += result.get().size();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list bucket " + bucket, e);
        }
        return total;
    }

    static List<Figure> figures(long bytes, int files, VolumeContent content, ExternalCommand.Ran limit,
            ServiceRun service, ExternalCommand.Ran resticBackup, ExternalCommand.Ran resticRestore,
            long resticStored) {
        double megabytes = bytes / 1e6;
        double serviceRate = megabytes / (service.backupMillis() / 1000.0);
        double limitRate = megabytes / (limit.millis() / 1000.0);
        double resticRate = megabytes / (resticBackup.millis() / 1000.0);
        String volume = String.format("%d MiB volume, %d files, %.0f%% random bytes", bytes / (1024 * 1024), files,
                content.randomShare() * 100);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(NAME, "backup MB/s, backup-service (zstd-3, AES-256-GCM, S3 multipart)", serviceRate,
                "MB/s").against("tar | zstd -3 > /dev/null (the limit)", limitRate).note(volume + "; request to "
                + "completed event " + service.backupMillis() + " ms, service-measured "
                + service.completed().durationMillis() + " ms"));
        figures.add(Figure.of(NAME, "backup MB/s, backup-service vs restic", serviceRate, "MB/s")
                .against("restic 0.14, compression auto, same S3 server", resticRate));
        figures.add(Figure.of(NAME, "backup MB/s, restic", resticRate, "MB/s")
                .against("tar | zstd -3 > /dev/null (the limit)", limitRate));
        figures.add(Figure.of(NAME, "restore MB/s, backup-service (into a new volume)",
                megabytes / (service.restoreMillis() / 1000.0), "MB/s")
                .against("restic restore to a directory", megabytes / (resticRestore.millis() / 1000.0)));
        figures.add(Figure.of(NAME, "stored bytes, backup-service", service.completed().storedBytes() / 1e6, "MB")
                .against("restic repository size", resticStored / 1e6));
        figures.add(Figure.of(NAME, "peak heap in use, backup-service", service.peakHeapMiB(), "MiB")
                .against("its heap limit (-Xmx256m)", 256)
                .note("jvm.memory.used{area=heap} sampled every 200 ms"));
        figures.add(Figure.of(NAME, "peak RSS, backup-service", service.peakRssMiB(), "MiB")
                .against("restic peak RSS", resticBackup.peakRssMiB()).note("VmHWM"));
        return figures;
    }

    /**
     * What the service did.
     *
     * @param completed its completed event
     * @param backupMillis from the request to the completed event
     * @param restoreMillis from the restore request to the restore's completed event
     * @param peakHeapMiB the largest heap in use sampled
     * @param peakRssMiB the largest resident set
     */
    record ServiceRun(BackupCompleted completed, long backupMillis, long restoreMillis, double peakHeapMiB,
            double peakRssMiB) {
    }
}
