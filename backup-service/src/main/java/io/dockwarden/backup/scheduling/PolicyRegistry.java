package io.dockwarden.backup.scheduling;

import io.dockwarden.backup.policy.BackupPolicy;
import io.dockwarden.backup.policy.InvalidPolicyException;
import io.dockwarden.backup.policy.PolicyLabels;
import io.dockwarden.backup.policy.VolumeView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volumes with a backup policy on this engine, as labels say: kept current by inventory events and by scans of the
 * engine. Volumes whose labels cannot be read stay listed with the problem, so that people see why nothing happens.
 */
public final class PolicyRegistry {

    private static final Logger log = LoggerFactory.getLogger(PolicyRegistry.class);

    /**
     * A volume's policy, or why it has none.
     *
     * @param volumeName the volume
     * @param policy its policy, if the labels could be read
     * @param problem what is wrong with the labels otherwise
     * @param origin what told: {@code event} or {@code scan}
     * @param updatedAt when
     */
    public record Entry(String volumeName, @Nullable BackupPolicy policy, @Nullable String problem, String origin,
            Instant updatedAt) {
    }

    private final PolicyLabels.Defaults defaults;
    private final Clock clock;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    public PolicyRegistry(PolicyLabels.Defaults defaults, Clock clock) {
        this.defaults = defaults;
        this.clock = clock;
    }

    /** Listens for changes; receives the names of the volumes whose entry changed. */
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    public void update(VolumeView volume, String origin) {
        Set<String> changed;
        synchronized (this) {
            changed = apply(volume, origin) ? Set.of(volume.name()) : Set.of();
        }
        notifyListeners(changed);
    }

    public void remove(String volumeName) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(volumeName) != null;
        }
        if (removed) {
            log.info("Volume {} was removed: its backups are no longer scheduled", volumeName);
            notifyListeners(Set.of(volumeName));
        }
    }

    /** Replaces everything with what a full scan of the engine found. */
    public void replaceAll(List<VolumeView> volumes, String origin) {
        Set<String> changed = new HashSet<>();
        synchronized (this) {
            Set<String> seen = new HashSet<>();
            for (VolumeView volume : volumes) {
                seen.add(volume.name());
                if (apply(volume, origin)) {
                    changed.add(volume.name());
                }
            }
            for (String name : new ArrayList<>(entries.keySet())) {
                if (!seen.contains(name)) {
                    entries.remove(name);
                    changed.add(name);
                }
            }
        }
        notifyListeners(changed);
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public synchronized @Nullable Entry find(String volumeName) {
        return entries.get(volumeName);
    }

    /** Applies a volume's labels; returns whether its entry changed. */
    private boolean apply(VolumeView volume, String origin) {
        Entry previous = entries.get(volume.name());
        Entry next;
        try {
            BackupPolicy policy = PolicyLabels.resolve(volume, defaults);
            next = policy.enabled() ? new Entry(volume.name(), policy, null, origin, clock.instant()) : null;
        } catch (InvalidPolicyException e) {
            next = new Entry(volume.name(), null, e.getMessage(), origin, clock.instant());
        }
        if (next == null) {
            return entries.remove(volume.name()) != null;
        }
        entries.put(volume.name(), next);
        return previous == null || !java.util.Objects.equals(previous.policy(), next.policy())
                || !java.util.Objects.equals(previous.problem(), next.problem());
    }

    private void notifyListeners(Set<String> changed) {
        if (!changed.isEmpty()) {
            listeners.forEach(listener -> listener.accept(changed));
        }
    }
}
