package io.dockwarden.backup.catalog;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * How a command ended, kept in the bucket so that a command delivered again, to this instance or another, even after a
 * restart, is recognised and changes nothing.
 *
 * @param requestId the request
 * @param kind backup, restore or verification
 * @param id the backup, restore or verification id
 * @param status completed or failed
 * @param finishedAt when
 * @param eventType the {@code ce_type} of the outcome event
 * @param event the outcome event's data
 */
public record OperationRecord(String requestId, String kind, String id, String status, Instant finishedAt,
        String eventType, JsonNode event) {
}
