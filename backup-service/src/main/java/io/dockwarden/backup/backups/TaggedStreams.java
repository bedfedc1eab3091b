package io.dockwarden.backup.backups;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Marks which side of the streaming transform an I/O failure came from: the engine's archive stream (read) or the
 * uploader that stopped taking bytes (upload). Anything unmarked failed in the transform itself.
 */
final class TaggedStreams {

    private TaggedStreams() {
    }

    /** An I/O failure of one side of the transform. */
    static final class TaggedIOException extends IOException {

        private final Step step;

        TaggedIOException(Step step, IOException cause) {
            super(cause.getMessage(), cause);
            this.step = step;
        }

        Step step() {
            return step;
        }
    }

    static InputStream tag(InputStream source, Step step) {
        return new FilterInputStream(source) {
            @Override
            public int read() throws IOException {
                try {
                    return in.read();
                } catch (IOException e) {
                    throw new TaggedIOException(step, e);
                }
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                try {
                    return in.read(bytes, offset, length);
                } catch (IOException e) {
                    throw new TaggedIOException(step, e);
                }
            }
        };
    }

    static OutputStream tag(OutputStream target, Step step) {
        return new FilterOutputStream(target) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw new TaggedIOException(step, e);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                try {
                    out.write(bytes, offset, length);
                } catch (IOException e) {
                    throw new TaggedIOException(step, e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new TaggedIOException(step, e);
                }
            }
        };
    }

    /** The step a failure is marked with, if any. */
    static java.util.Optional<Step> stepOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaggedIOException tagged) {
                return java.util.Optional.of(tagged.step());
            }
        }
        return java.util.Optional.empty();
    }
}
