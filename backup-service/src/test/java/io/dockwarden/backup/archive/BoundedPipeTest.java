package io.dockwarden.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedPipeTest {

    @Test
    void carriesAStreamMuchLargerThanItsBufferBetweenThreads() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        new Random(1).nextBytes(data);
        BoundedPipe pipe = new BoundedPipe(64 * 1024);
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = pipe.input()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (OutputStream out = pipe.output()) {
            for (int i = 0; i < data.length; i += 10_000) {
                out.write(data, i, Math.min(10_000, data.length - i));
            }
        }
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(data);
    }

    @Test
    void aFailedProducerMakesTheReaderFailInsteadOfSeeingAnEnd() throws Exception {
        BoundedPipe pipe = new BoundedPipe(1024);
        pipe.output().write(new byte[100]);
        pipe.fail(new IOException("engine went away"));
        InputStream in = pipe.input();
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                .hasMessageContaining("engine went away");
    }

    @Test
    void aReaderThatGivesUpStopsABlockedWriter() throws Exception {
        BoundedPipe pipe = new BoundedPipe(16);
        OutputStream out = pipe.output();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                out.write(new byte[1024]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        pipe.input().close();
        assertThatThrownBy(() -> writing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the consumer stopped reading");
    }
}
