package io.dockwarden.inventory.tracking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Runs work per key one batch at a time, in submission order, on a shared executor: work on one container never
 * overlaps or overtakes itself, while different containers proceed in parallel. Whatever queued up for a key while
 * its previous batch ran is handed over as the next batch, which is how a burst of actions coalesces into one read
 * of the engine.
 *
 * @param <T> the work item
 */
final class KeyedWorkQueue<T> {

    private final Executor executor;
    private final BiConsumer<String, List<T>> processor;
    private final Map<String, Deque<T>> pending = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    private int size;

    /**
     * @param executor runs the batches
     * @param processor handles one batch of a key; it must not throw, since nothing could handle the failure better
     */
    KeyedWorkQueue(Executor executor, BiConsumer<String, List<T>> processor) {
        this.executor = executor;
        this.processor = processor;
    }

    void submit(String key, T item) {
        boolean start;
        synchronized (this) {
            pending.computeIfAbsent(key, k -> new ArrayDeque<>()).add(item);
            size++;
            start = active.add(key);
        }
        if (start) {
            executor.execute(() -> drain(key));
        }
    }

    /** Items waiting or running. */
    synchronized int size() {
        return size;
    }

    private void drain(String key) {
        while (true) {
            List<T> batch;
            synchronized (this) {
                Deque<T> queued = pending.remove(key);
                if (queued == null || queued.isEmpty()) {
                    active.remove(key);
                    return;
                }
                batch = new ArrayList<>(queued);
            }
            try {
                processor.accept(key, batch);
            } finally {
                synchronized (this) {
                    size -= batch.size();
                }
            }
        }
    }
}
