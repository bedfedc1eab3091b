package io.dockwarden.benchmarks.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The content of the backed-up volume: a share of incompressible bytes (as media, archives or encrypted data are) and
 * the rest compressible text (as logs and dumps are), in files of a few MiB, made from a seed so that every run backs
 * up the same bytes.
 *
 * @param totalBytes bytes in all
 * @param randomShare the share of random bytes, 0 to 1
 * @param seed the generator's seed
 */
public record VolumeContent(long totalBytes, double randomShare, long seed) {

    static final int RANDOM_FILE_BYTES = 8 * 1024 * 1024;
    static final int TEXT_FILE_BYTES = 4 * 1024 * 1024;
    private static final String[] LEVELS = {"INFO ", "INFO ", "INFO ", "DEBUG", "WARN "};
    private static final String[] LOGGERS = {"io.dockwarden.shop.OrderService", "io.dockwarden.shop.PaymentClient",
        "org.postgresql.jdbc.PgConnection", "io.dockwarden.shop.CatalogController", "org.eclipse.jetty.server.Server"};
    public VolumeContent {
        if (totalBytes <= 0 || randomShare < 0 || randomShare > 1) {
            throw new IllegalArgumentException("positive size and a share between 0 and 1 required");
        }
    }

    public long randomBytes() {
        return Math.round(totalBytes * randomShare);
    }

    public long textBytes() {
        return totalBytes - randomBytes();
    }

    /** Writes the files under a directory (the volume's mount point) and returns how many there are. */
    public int writeTo(Path directory) {
        SplittableRandom random = new SplittableRandom(seed);
        int files = 0;
        try {
            Path media = Files.createDirectories(directory.resolve("media"));
            long left = randomBytes();
            byte[] buffer = new byte[1024 * 1024];
            while (left > 0) {
                long size = Math.min(left, RANDOM_FILE_BYTES);
                try (OutputStream out = Files.newOutputStream(media.resolve(String.format("blob-%05d.bin", files)))) {
                    for (long written = 0; written < size; written += buffer.length) {
                        fillRandom(random, buffer);
                        out.write(buffer, 0, (int) Math.min(buffer.length, size - written));
                    }
                }
                left -= size;
                files++;
            }
            Path logs = Files.createDirectories(directory.resolve("logs"));
            left = textBytes();
            while (left > 0) {
                long size = Math.min(left, TEXT_FILE_BYTES);
                try (OutputStream out = Files.newOutputStream(logs.resolve(String.format("app-%05d.log", files)))) {
                    writeText(random, out, size);
                }
                left -= size;
                files++;
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill " + directory, e);
        }
    }

    private static void fillRandom(SplittableRandom random, byte[] buffer) {
        ByteBuffer longs = ByteBuffer.wrap(buffer);
        while (longs.remaining() >= Long.BYTES) {
            longs.putLong(random.nextLong());
        }
    }

    /** Log lines of a plausible service, exactly {@code size} bytes. */
    static void writeText(SplittableRandom random, OutputStream out, long size) throws IOException {
        StringBuilder chunk = new StringBuilder(64 * 1024);
        long written = 0;
        long clock = 1_764_000_000_000L;
        while (written < size) {
            chunk.setLength(0);
            while (chunk.length() < 60 * 1024) {
                clock += random.nextInt(1, 250);
                int kind = random.nextInt(LOGGERS.length);
                chunk.append(Instant.ofEpochMilli(clock)).append(' ').append(LEVELS[random.nextInt(LEVELS.length)])
                        .append(" [worker-").append(random.nextInt(16)).append("] ").append(LOGGERS[kind])
                        .append(" - ");
                int id = random.nextInt(1_000_000);
                int millis = random.nextInt(1, 900);
                switch (kind) {
                    case 0 -> chunk.append("order ").append(id).append(" accepted for customer c-")
                            .append(random.nextInt(10_000)).append(" in ").append(millis).append(" ms");
                    case 1 -> chunk.append("payment authorised for order ").append(id).append(" (amount ")
                            .append(random.nextInt(500)).append('.').append(random.nextInt(10)).append("0 EUR)");
                    case 2 -> chunk.append("connection ").append(random.nextInt(64))
                            .append(" returned to the pool after ").append(millis).append(" ms");
                    case 3 -> chunk.append("GET /api/catalog/items/").append(id).append(" 200 ").append(millis)
                            .append(" ms");
                    default -> chunk.append("cache miss for item ").append(id).append(", loaded in ").append(millis)
                            .append(" ms");
                }
                chunk.append('\n');
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            int length = (int) Math.min(bytes.length, size - written);
            out.write(bytes, 0, length);
            written += length;
        }
    }
}
