package io.dockwarden.compliance.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Subject states in a map: what the state topic does, minus Kafka. */
final class InMemorySubjectStates implements SubjectStates {

    final Map<String, SubjectState> states = new LinkedHashMap<>();
    int writes;

    @Override
    public @Nullable SubjectState get(String key) {
        return states.get(key);
    }

    @Override
    public void save(SubjectState state) {
        writes++;
        states.put(state.key(), state);
    }

    @Override
    public void delete(String key) {
        writes++;
        states.remove(key);
    }

    @Override
    public Collection<SubjectState> all() {
        return new ArrayList<>(states.values());
    }
}
