package io.dockwarden.backup.catalog;

import io.dockwarden.backup.ports.ObjectStore;
import io.dockwarden.backup.ports.StoreException;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/** The records of finished operations, one small object per request. */
public final class OperationRecords {

    private final ObjectStore store;
    private final StorageLayout layout;

    public OperationRecords(ObjectStore store, StorageLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    public Optional<OperationRecord> find(String requestId) {
        return store.read(layout.operationKey(requestId)).map(json -> {
            try {
                return CatalogJson.mapper().readValue(json, OperationRecord.class);
            } catch (JacksonException e) {
                throw new StoreException("the record of request " + requestId + " is not readable", false, e);
            }
        });
    }

    public void save(OperationRecord record) {
        store.put(layout.operationKey(record.requestId()), CatalogJson.mapper().writeValueAsBytes(record),
                "application/json");
    }
}
