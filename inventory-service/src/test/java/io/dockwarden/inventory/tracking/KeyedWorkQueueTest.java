package io.dockwarden.inventory.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void keepsTheOrderPerKeyAndNeverRunsOneKeyTwiceAtOnce() throws InterruptedException {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(400);
        KeyedWorkQueue<Integer> queue = new KeyedWorkQueue<>(executor, (key, batch) -> {
            if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).addAll(batch);
            Thread.onSpinWait();
            running.get(key).decrementAndGet();
            batch.forEach(item -> all.countDown());
        });

        for (int i = 0; i < 100; i++) {
            for (String key : List.of("a", "b", "c", "d")) {
                queue.submit(key, i);
            }
        }

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        for (String key : List.of("a", "b", "c", "d")) {
            assertThat(seen.get(key)).isSortedAccordingTo(Integer::compare).hasSize(100);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (queue.size() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(queue.size()).as("nothing left once every batch returned").isZero();
    }

    @Test
    void handsWhatQueuedUpMeanwhileOverAsOneBatch() throws InterruptedException {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(2);
        KeyedWorkQueue<String> queue = new KeyedWorkQueue<>(executor, (key, batch) -> {
            batches.add(batch);
            firstRunning.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });

        queue.submit("container", "create");
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        queue.submit("container", "start");
        queue.submit("container", "die");
        queue.submit("container", "stop");
        assertThat(queue.size()).isEqualTo(4);
        release.countDown();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(batches).containsExactly(List.of("create"), List.of("start", "die", "stop"));
    }
}
