package io.dockwarden.backup.commands;

import io.dockwarden.backup.ports.EventSink;
import io.dockwarden.events.EventData;
import io.dockwarden.stream.EventPublisher;
import java.time.Instant;

/** Outcome events to Kafka: idempotent producer, {@code acks=all}, the given id as {@code ce_id}. */
final class PublishingEventSink implements EventSink {

    private final EventPublisher publisher;

    PublishingEventSink(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(EventData data, String id, Instant time) {
        publisher.publish(data, id, time);
    }
}
