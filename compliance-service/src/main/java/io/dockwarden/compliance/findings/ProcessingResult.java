package io.dockwarden.compliance.findings;

import java.util.List;

/**
 * What processing one event or re-evaluation did.
 *
 * @param disposition what happened to it
 * @param events the finding events published
 */
public record ProcessingResult(Disposition disposition, List<IdentifiedEvent> events) {

    public ProcessingResult {
        events = List.copyOf(events);
    }

    static ProcessingResult of(Disposition disposition) {
        return new ProcessingResult(disposition, List.of());
    }

    /** What happened to an input. */
    public enum Disposition {
        /** Evaluated; state and findings updated as needed. */
        APPLIED,
        /** The same {@code ce_id} was applied already. */
        DUPLICATE,
        /** Older than what was applied already. */
        STALE,
        /** Nothing to evaluate (an unknown or removed subject). */
        SKIPPED
    }
}
