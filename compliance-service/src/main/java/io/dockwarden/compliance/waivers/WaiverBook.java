package io.dockwarden.compliance.waivers;

import io.dockwarden.events.finding.Waiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The central waivers in force, indexed by check. Immutable: a reload of the waiver file makes a new book. A central
 * waiver takes precedence over a label waiver for the same finding, since someone approved it.
 */
public final class WaiverBook {

    public static final WaiverBook EMPTY = new WaiverBook(List.of());

    private final List<CentralWaiver> waivers;
    private final Map<String, List<CentralWaiver>> byCheck;

    public WaiverBook(List<CentralWaiver> waivers) {
        this.waivers = List.copyOf(waivers);
        Map<String, List<CentralWaiver>> index = new HashMap<>();
        for (CentralWaiver waiver : waivers) {
            for (String checkId : waiver.checkIds()) {
                index.computeIfAbsent(checkId, id -> new ArrayList<>()).add(waiver);
            }
        }
        index.replaceAll((id, list) -> List.copyOf(list));
        this.byCheck = Map.copyOf(index);
    }

    public List<CentralWaiver> waivers() {
        return waivers;
    }

    /** The waiver covering a failing check, central first, then the container's own label waiver. */
    public @Nullable Waiver cover(String checkId, WaiverSubject subject, LabelWaivers labels, Instant now) {
        for (CentralWaiver waiver : byCheck.getOrDefault(checkId, List.of())) {
            if (waiver.covers(checkId, subject, now)) {
                return waiver.asWaiver();
            }
        }
        Waiver label = labels.valid().get(checkId);
        if (label != null && label.expiresAt() != null && now.isBefore(label.expiresAt())) {
            return label;
        }
        return null;
    }
}
