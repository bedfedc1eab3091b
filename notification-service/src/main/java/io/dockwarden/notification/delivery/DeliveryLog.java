package io.dockwarden.notification.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The latest delivery log lines, newest first, bounded in size. Thread-safe. */
public final class DeliveryLog {

    private final int capacity;
    private final Deque<DeliveryRecord> records = new ArrayDeque<>();

    public DeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public synchronized void add(DeliveryRecord record) {
        records.addFirst(record);
        while (records.size() > capacity) {
            records.removeLast();
        }
    }

    public synchronized List<DeliveryRecord> latest(Predicate<DeliveryRecord> filter, int limit) {
        List<DeliveryRecord> result = new ArrayList<>();
        Iterator<DeliveryRecord> newestFirst = records.iterator();
        while (newestFirst.hasNext() && result.size() < limit) {
            DeliveryRecord record = newestFirst.next();
            if (filter.test(record)) {
                result.add(record);
            }
        }
        return result;
    }
}
