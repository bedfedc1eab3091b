package io.dockwarden.notification.silences;

import io.dockwarden.notification.routing.Matcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The silences in force, with Alertmanager's rules: at least one matcher, not all of them matching the empty string
 * (which would mute nearly everything), a creator, a comment and an end after the start; deleting a silence expires
 * it, and expired silences are kept for a while to show what was muted.
 */
public final class Silences {

    private final Map<String, Silence> byId = new ConcurrentHashMap<>();
    private final SilenceRepository repository;

    public Silences(SilenceRepository repository) {
        this.repository = repository;
    }

    /**
     * A silence to create.
     *
     * @param matchers what it mutes
     * @param startsAt when it starts; absent for now
     * @param endsAt when it ends
     * @param createdBy who creates it
     * @param comment why
     */
    public record Draft(List<Matcher> matchers, @org.jspecify.annotations.Nullable Instant startsAt, Instant endsAt,
            String createdBy, String comment) {
    }

    /** Creates a silence and stores it before returning it. */
    public Silence create(Draft draft, Instant now) {
        if (draft.matchers().isEmpty()) {
            throw new InvalidSilenceException("a silence needs at least one matcher");
        }
        if (draft.matchers().stream().allMatch(matcher -> matcher.matchesValue(""))) {
            throw new InvalidSilenceException("at least one matcher must not match the empty string,"
                    + " or the silence would mute alerts that merely lack a label");
        }
        if (draft.createdBy().isBlank()) {
            throw new InvalidSilenceException("createdBy is required");
        }
        if (draft.comment().isBlank()) {
            throw new InvalidSilenceException("comment is required");
        }
        Instant startsAt = draft.startsAt() == null || draft.startsAt().isBefore(now) ? now : draft.startsAt();
        if (!draft.endsAt().isAfter(startsAt)) {
            throw new InvalidSilenceException("endsAt must be after startsAt (and in the future)");
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), draft.matchers(), startsAt, draft.endsAt(),
                draft.createdBy().strip(), draft.comment().strip(), now);
        repository.save(silence);
        byId.put(silence.id(), silence);
        return silence;
    }

    /** Expires a silence now; an expired one stays as it is. */
    public Optional<Silence> expire(String id, Instant now) {
        Silence silence = byId.get(id);
        if (silence == null) {
            return Optional.empty();
        }
        if (silence.state(now) == Silence.State.EXPIRED) {
            return Optional.of(silence);
        }
        Silence expired = silence.expiredAt(now);
        repository.save(expired);
        byId.put(id, expired);
        return Optional.of(expired);
    }

    /** Takes in a silence read from the store (at start, or written by another instance). */
    public void apply(Silence silence) {
        byId.merge(silence.id(), silence, (mine, theirs) -> theirs.updatedAt().isBefore(mine.updatedAt()) ? mine
                : theirs);
    }

    /** Forgets a silence removed from the store. */
    public void forget(String id) {
        byId.remove(id);
    }

    public Optional<Silence> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All silences, newest first. */
    public List<Silence> all() {
        List<Silence> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Silence::updatedAt).reversed());
        return all;
    }

    /** The ids of the active silences that mute alerts with these labels. */
    public List<String> muting(Map<String, String> labels, Instant now) {
        List<String> ids = new ArrayList<>();
        for (Silence silence : byId.values()) {
            if (silence.mutes(labels, now)) {
                ids.add(silence.id());
            }
        }
        return ids;
    }

    /** Removes silences expired longer than the retention ago, from memory and from the store. */
    public int purgeExpired(Instant now, Duration retention) {
        int purged = 0;
        for (Silence silence : List.copyOf(byId.values())) {
            if (silence.endsAt().plus(retention).isBefore(now)) {
                repository.delete(silence.id());
                byId.remove(silence.id());
                purged++;
            }
        }
        return purged;
    }

    public long activeCount(Instant now) {
        return byId.values().stream().filter(silence -> silence.state(now) == Silence.State.ACTIVE).count();
    }
}
