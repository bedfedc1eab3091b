package io.dockwarden.compliance.findings.kafka;

import io.dockwarden.compliance.findings.FindingEventSink;
import io.dockwarden.compliance.findings.IdentifiedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.stream.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes finding events with their deterministic ids: all sends first, then one wait for every acknowledgement,
 * so that a container opening a dozen findings (or a batch of containers) costs one round trip. The idempotent
 * producer keeps them in order.
 */
final class KafkaFindingEventSink implements FindingEventSink {

    private final EventCodec codec;
    private final EventPublisher publisher;
    private final Duration timeout;

    KafkaFindingEventSink(EventCodec codec, EventPublisher publisher, Duration timeout) {
        this.codec = codec;
        this.publisher = publisher;
        this.timeout = timeout;
    }

    @Override
    public void publish(List<IdentifiedEvent> events) {
        send(events).await();
    }

    @Override
    public Pending send(List<IdentifiedEvent> events) {
        if (events.isEmpty()) {
            return Pending.DONE;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (IdentifiedEvent event : events) {
            sends.add(publisher.send(codec.encode(event.data(), event.id(), event.time())));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        return () -> await(all, events.size());
    }

    private void await(CompletableFuture<Void> all, int count) {
        try {
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FindingPublishFailedException(count, e);
        } catch (ExecutionException e) {
            throw new FindingPublishFailedException(count, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new FindingPublishFailedException(count, e);
        }
    }

    /** Finding events the broker did not acknowledge; the input is retried and republishes them with the same ids. */
    static final class FindingPublishFailedException extends RuntimeException {

        FindingPublishFailedException(int count, Throwable cause) {
            super("publishing " + count + " finding event(s) failed: " + cause.getMessage(), cause);
        }
    }
}
