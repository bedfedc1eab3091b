package io.dockwarden.benchmarks.latency;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.dockwarden.testsupport.docker.DockerEngine;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's own record of when containers were created, read from its event stream, and when a plain subscriber
 * (this one) received each event: the floor any watcher of the engine can reach.
 */
final class EngineEvents implements AutoCloseable {

    private final Map<String, Long> createdAtNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAtMillis = new ConcurrentHashMap<>();
    private final ResultCallback.Adapter<Event> callback;

    EngineEvents(DockerEngine engine, String label, String value) {
        callback = engine.client().eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter("create")
                .withLabelFilter(Map.of(label, value))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        long received = System.currentTimeMillis();
                        if (event.getId() != null && event.getTimeNano() != null) {
                            createdAtNanos.putIfAbsent(event.getId(), event.getTimeNano());
                            receivedAtMillis.putIfAbsent(event.getId(), received);
                        }
                    }
                });
    }

    /** The engine's timestamp of the container's create event, in epoch nanoseconds. */
    Optional<Long> createdAtNanos(String containerId) {
        return Optional.ofNullable(createdAtNanos.get(containerId));
    }

    /** When this subscriber received the create event, in epoch milliseconds. */
    Optional<Long> receivedAtMillis(String containerId) {
        return Optional.ofNullable(receivedAtMillis.get(containerId));
    }

    @Override
    public void close() {
        try {
            callback.close();
        } catch (IOException ignored) {
            // The stream is closing anyway.
        }
    }
}
