package io.dockwarden.inventory.publishing;

import io.dockwarden.events.EventType;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.inventory.tracking.Backoff;
import io.dockwarden.inventory.tracking.EventSink;
import io.dockwarden.inventory.tracking.Publication;
import io.dockwarden.stream.EventPublisher;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes until the broker acknowledges. The producer is idempotent with {@code acks=all} and retries on its own
 * within its delivery timeout; beyond that this sends the same record (same {@code ce_id}) again, with backoff, for
 * as long as it takes. The caller's work stays pending meanwhile, which is what keeps per-container order and loses
 * nothing during an outage.
 */
public final class ReliablePublisher implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(ReliablePublisher.class);

    /** Told about failed attempts and about events that can never be published. */
    public interface Listener {

        default void attemptFailed(EncodedEvent event, Throwable cause) {
        }

        default void rejected(Publication publication, IllegalArgumentException cause) {
        }
    }

    private final EventCodec codec;
    private final EventPublisher publisher;
    private final Duration sendTimeout;
    private final Backoff retry;
    private final Listener listener;
    private volatile boolean closed;

    public ReliablePublisher(EventCodec codec, EventPublisher publisher, Duration sendTimeout, Backoff retry,
            Listener listener) {
        this.codec = codec;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
        this.retry = retry;
        this.listener = listener;
    }

    @Override
    public void publish(Publication publication) {
        EncodedEvent event;
        try {
            event = codec.encode(publication.data(), publication.id(), publication.time());
        } catch (IllegalArgumentException breaksTheContract) {
            // Retrying cannot fix data the schema refuses; holding it would stall the container for good.
            log.error("Dropped {} for {}: {}", publication.data().getClass().getSimpleName(),
                    publication.data().subject(), breaksTheContract.getMessage());
            listener.rejected(publication, breaksTheContract);
            return;
        }
        sendUntilAcknowledged(event);
    }

    @Override
    public void tombstone(EventType<?> type, String subject) {
        sendUntilAcknowledged(codec.tombstone(type, subject));
    }

    private void sendUntilAcknowledged(EncodedEvent event) {
        Backoff backoff = retry.fresh();
        while (true) {
            if (closed) {
                throw new CancellationException("closing with " + describe(event) + " not acknowledged");
            }
            try {
                publisher.send(event).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (backoff.failures() > 0) {
                    log.info("Published {} after {} failed attempts", describe(event), backoff.failures());
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted with " + describe(event) + " not acknowledged");
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                listener.attemptFailed(event, cause);
                Duration wait = backoff.next();
                if (backoff.failures() <= 3 || backoff.failures() % 10 == 0) {
                    log.warn("The broker did not acknowledge {} ({}); attempt {} in {} ms", describe(event),
                            cause.getClass().getSimpleName() + ": " + cause.getMessage(), backoff.failures() + 1,
                            wait.toMillis());
                }
                sleep(wait, event);
            }
        }
    }

    private static String describe(EncodedEvent event) {
        String type = event.headers().get("ce_type");
        return (type == null ? "a tombstone" : type) + " for " + event.key() + " on " + event.topic();
    }

    private static void sleep(Duration wait, EncodedEvent event) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted with " + describe(event) + " not acknowledged");
        }
    }

    public void close() {
        closed = true;
    }
}
