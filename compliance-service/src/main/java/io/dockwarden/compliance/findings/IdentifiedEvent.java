package io.dockwarden.compliance.findings;

import io.dockwarden.events.finding.FindingEvent;
import java.time.Instant;

/**
 * A finding event with a deterministic {@code ce_id}: recomputing the same transition (after a crash, or on another
 * instance) gives the same id, which consumers deduplicate on.
 *
 * @param id the {@code ce_id}
 * @param time the {@code ce_time}
 * @param data the event
 */
public record IdentifiedEvent(String id, Instant time, FindingEvent data) {
}
