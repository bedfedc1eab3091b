package io.dockwarden.benchmarks.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeContentTest {

    @Test
    void writesExactlyTheSizeSplitIntoRandomAndTextFiles(@TempDir Path volume) throws Exception {
        long size = 20L * 1024 * 1024 + 12_345;
        VolumeContent content = new VolumeContent(size, 0.5, 1);
        int files = content.writeTo(volume);

        List<Path> written;
        try (Stream<Path> paths = Files.walk(volume)) {
            written = paths.filter(Files::isRegularFile).toList();
        }
        assertThat(written).hasSize(files);
        assertThat(written.stream().mapToLong(VolumeContentTest::size).sum()).isEqualTo(size);
        long media = written.stream().filter(path -> path.toString().contains("/media/"))
                .mapToLong(VolumeContentTest::size).sum();
        assertThat(media).isEqualTo(content.randomBytes());
    }

    @Test
    void randomBytesDoNotCompressAndTheTextDoes(@TempDir Path volume) throws Exception {
        new VolumeContent(8L * 1024 * 1024, 0.5, 1).writeTo(volume);
        byte[] random = Files.readAllBytes(volume.resolve("media").resolve("blob-00000.bin"));
        byte[] text;
        try (Stream<Path> logs = Files.list(volume.resolve("logs"))) {
            text = Files.readAllBytes(logs.findFirst().orElseThrow());
        }
        assertThat(compressedShare(random)).isGreaterThan(0.99);
        assertThat(compressedShare(text)).isLessThan(0.4);
        assertThat(new String(text, 0, 200, java.nio.charset.StandardCharsets.UTF_8)).contains(" [worker-");
    }

    @Test
    void theSameSeedWritesTheSameBytes(@TempDir Path first, @TempDir Path second) throws Exception {
        new VolumeContent(3L * 1024 * 1024, 0.3, 42).writeTo(first);
        new VolumeContent(3L * 1024 * 1024, 0.3, 42).writeTo(second);
        try (Stream<Path> paths = Files.walk(first)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                assertThat(Files.mismatch(file, second.resolve(first.relativize(file)))).isEqualTo(-1);
            }
        }
    }

    private static double compressedShare(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.size() / (double) bytes.length;
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
