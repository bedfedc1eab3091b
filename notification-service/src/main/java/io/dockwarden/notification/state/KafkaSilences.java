package io.dockwarden.notification.state;

import io.dockwarden.notification.silences.Silence;
import io.dockwarden.notification.silences.SilenceRepository;
import io.dockwarden.notification.silences.Silences;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences on their compacted topic, keyed by silence id: every instance reads them all at start and follows the
 * topic, so a silence created on one instance mutes on all of them and survives restarts.
 */
public final class KafkaSilences implements SilenceRepository {

    private static final Logger log = LoggerFactory.getLogger(KafkaSilences.class);

    private final CompactedTopic topic;

    public KafkaSilences(CompactedTopic topic) {
        this.topic = topic;
    }

    /** Loads every stored silence into the registry, then keeps it in step with the topic. */
    public void loadAndFollow(Silences silences) {
        topic.follow((id, value) -> apply(silences, id, value), "silences-follower");
    }

    private static void apply(Silences silences, String id, byte @Nullable [] value) {
        if (value == null) {
            silences.forget(id);
            return;
        }
        try {
            silences.apply(StateJson.read(value, Silence.class));
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable silence {}: {}", id, e.toString());
        }
    }

    @Override
    public void save(Silence silence) {
        topic.put(silence.id(), StateJson.write(silence));
    }

    @Override
    public void delete(String id) {
        topic.delete(id);
    }
}
