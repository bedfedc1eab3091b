package io.dockwarden.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Hands a byte stream from a producing thread to a consuming thread through a fixed buffer, so that a push-style
 * transform (tar writer, compressor, cipher) can feed a pull-style consumer (an uploader) without holding more than the
 * buffer. Unlike {@code PipedInputStream} it does not depend on which threads are alive, and a failure on either side
 * reaches the other: a producer that fails makes the consumer's reads throw (so a partial stream is never taken for a
 * complete one), a consumer that gives up makes the producer's writes throw.
 */
public final class BoundedPipe {

    private final byte[] buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private int readPosition;
    private int available;
    private boolean writerClosed;
    private boolean readerClosed;
    private @Nullable Throwable producerFailure;

    public BoundedPipe(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.buffer = new byte[capacity];
    }

    /** The producer's end; {@code close()} marks the end of the stream. */
    public OutputStream output() {
        return new Output();
    }

    /** The consumer's end; {@code close()} before the end tells the producer to stop. */
    public InputStream input() {
        return new Input();
    }

    /** Called by the producer when it cannot finish: the consumer's next read throws with this cause. */
    public void fail(Throwable cause) {
        lock.lock();
        try {
            if (producerFailure == null) {
                producerFailure = cause;
            }
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Output extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int position = offset;
            int remaining = length;
            lock.lock();
            try {
                while (remaining > 0) {
                    while (available == buffer.length && !readerClosed && producerFailure == null) {
                        awaitUninterruptibly(writable);
                    }
                    if (readerClosed) {
                        throw new IOException("the consumer stopped reading");
                    }
                    if (writerClosed || producerFailure != null) {
                        throw new IOException("the pipe is closed for writing");
                    }
                    int writePosition = (readPosition + available) % buffer.length;
                    int take = Math.min(remaining, Math.min(buffer.length - available, buffer.length - writePosition));
                    System.arraycopy(bytes, position, buffer, writePosition, take);
                    available += take;
                    position += take;
                    remaining -= take;
                    readable.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                writerClosed = true;
                readable.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private final class Input extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (available == 0 && !writerClosed && producerFailure == null && !readerClosed) {
                    awaitUninterruptibly(readable);
                }
                if (producerFailure != null) {
                    throw new IOException("the producer failed: " + producerFailure.getMessage(), producerFailure);
                }
                if (readerClosed) {
                    throw new IOException("stream closed");
                }
                if (available == 0) {
                    return -1;
                }
                int take = Math.min(length, Math.min(available, buffer.length - readPosition));
                System.arraycopy(buffer, readPosition, bytes, offset, take);
                readPosition = (readPosition + take) % buffer.length;
                available -= take;
                writable.signalAll();
                return take;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return available;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                readerClosed = true;
                writable.signalAll();
                readable.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static void awaitUninterruptibly(Condition condition) throws InterruptedIOException {
        try {
            condition.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the pipe");
        }
    }
}
