package io.dockwarden.backup.api;

import io.dockwarden.backup.catalog.OperationRecords;
import io.dockwarden.backup.commands.Operations;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Any operation by its id or its request id: what this instance knows, or, for a finished request, what any instance
 * recorded in the bucket.
 */
@RestController
@RequestMapping("/api/operations")
class OperationsController {

    private final Operations operations;
    private final OperationRecords records;

    OperationsController(Operations operations, OperationRecords records) {
        this.operations = operations;
        this.records = records;
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return operations.find(id).map(OperationsController::describe)
                .or(() -> records.find(id).map(record -> {
                    Map<String, Object> described = new LinkedHashMap<>();
                    described.put("id", record.id());
                    described.put("kind", record.kind());
                    described.put("requestId", record.requestId());
                    described.put("status", record.status());
                    described.put("updatedAt", record.finishedAt());
                    described.put("outcomeType", record.eventType());
                    described.put("outcome", record.event());
                    return described;
                }))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no operation " + id));
    }

    static Map<String, Object> describe(Operations.Status status) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", status.id());
        described.put("kind", status.kind());
        described.put("requestId", status.requestId());
        described.put("volumeName", status.volumeName());
        if (status.backupId() != null) {
            described.put("backupId", status.backupId());
        }
        described.put("status", status.state().name().toLowerCase(Locale.ROOT));
        described.put("updatedAt", status.updatedAt());
        if (status.outcome() != null) {
            described.put("outcome", status.outcome());
        }
        return described;
    }
}
