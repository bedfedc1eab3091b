package io.dockwarden.compliance.findings;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises work on the same subject between the stream consumers and the re-evaluation sweeps, without one lock
 * for everything: keys are spread over a fixed set of locks.
 */
public final class KeyLocks {

    private final ReentrantLock[] locks;

    public KeyLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(String key, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
