package io.dockwarden.inventory.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.dockwarden.inventory.tracking.EngineAction;
import io.dockwarden.inventory.tracking.EngineUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Follows the engine's event stream. Subscribing with a start time replays what the engine still holds from then on
 * (it keeps its latest events in memory) and continues live in the same stream, so that a reconnect misses nothing
 * the engine remembers.
 */
final class EngineEventStream {

    private final DockerClient client;

    EngineEventStream(DockerClient client) {
        this.client = client;
    }

    /**
     * Subscribes.
     *
     * @param sinceNanos replay from this engine time (nanoseconds since the epoch), or 0 for live only
     * @param onAction called for each action, on the stream's thread
     * @param onEnd called once when the stream ends, with the error if it broke; not called after {@link Closeable#close}
     * @param timeout how long to wait for the engine to open the stream
     * @return the open stream, to close
     * @throws EngineUnavailableException if the stream did not open
     */
    Closeable subscribe(long sinceNanos, Consumer<EngineAction> onAction, Consumer<@Nullable Throwable> onEnd,
            Duration timeout) {
        var command = client.eventsCmd().withEventTypeFilter(EventType.CONTAINER, EventType.VOLUME, EventType.IMAGE,
                EventType.NETWORK, EventType.DAEMON);
        if (sinceNanos > 0) {
            command.withSince(sinceNanos / 1_000_000_000L + "." + String.format("%09d", sinceNanos % 1_000_000_000L));
        }
        Subscription subscription = new Subscription(onAction, onEnd);
        command.exec(subscription);
        try {
            if (!subscription.opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || subscription.ended.get()) {
                subscription.close();
                throw new EngineUnavailableException("the engine's event stream did not open within " + timeout,
                        subscription.failure == null ? new IOException("no answer") : subscription.failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(subscription);
            throw new EngineUnavailableException("interrupted while opening the event stream", e);
        } catch (IOException e) {
            throw new EngineUnavailableException("the engine's event stream did not open", e);
        }
        return subscription;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing a stream that never opened.
        }
    }

    static @Nullable EngineAction toAction(Event event) {
        String type = event.getType() == null ? "" : event.getType().getValue();
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        String actorId = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId()
                : event.getId();
        if (type.isBlank() || action == null || actorId == null) {
            return null;
        }
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of()
                : event.getActor().getAttributes();
        long nanos = event.getTimeNano() != null ? event.getTimeNano()
                : event.getTime() == null ? 0 : event.getTime() * 1_000_000_000L;
        return new EngineAction(type, action, actorId, attributes, nanos);
    }

    private static final class Subscription implements ResultCallback<Event> {

        private final Consumer<EngineAction> onAction;
        private final Consumer<@Nullable Throwable> onEnd;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final CountDownLatch opened = new CountDownLatch(1);
        private volatile @Nullable Closeable stream;
        private volatile @Nullable Throwable failure;

        Subscription(Consumer<EngineAction> onAction, Consumer<@Nullable Throwable> onEnd) {
            this.onAction = onAction;
            this.onEnd = onEnd;
        }

        @Override
        public void onStart(Closeable stream) {
            this.stream = stream;
            opened.countDown();
        }

        @Override
        public void onNext(Event event) {
            EngineAction action = toAction(event);
            if (action != null && !ended.get()) {
                onAction.accept(action);
            }
        }

        @Override
        public void onError(Throwable error) {
            end(error);
        }

        @Override
        public void onComplete() {
            end(null);
        }

        private void end(@Nullable Throwable error) {
            failure = error;
            opened.countDown();
            if (ended.compareAndSet(false, true)) {
                onEnd.accept(error);
            }
        }

        @Override
        public void close() throws IOException {
            ended.set(true);
            Closeable open = stream;
            if (open != null) {
                open.close();
            }
        }
    }
}
