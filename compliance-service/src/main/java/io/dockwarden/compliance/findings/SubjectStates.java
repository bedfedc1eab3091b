package io.dockwarden.compliance.findings;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Where subject states are kept; {@link #save} and {@link #delete} return only once the change is durable. */
public interface SubjectStates {

    @Nullable SubjectState get(String key);

    void save(SubjectState state);

    /**
     * Saves several states, in order, returning once all are durable. Stores that can should send them together and
     * wait once.
     */
    default void saveAll(Collection<SubjectState> states) {
        states.forEach(this::save);
    }

    /** Forgets a subject for good (a removed container past its retention). */
    void delete(String key);

    /** Every subject known, for reports and re-evaluation; a snapshot that may miss changes made meanwhile. */
    Collection<SubjectState> all();
}
