package io.dockwarden.backup.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The key new backups are encrypted with, and older keys kept to restore backups made before a rotation. Keys are
 * found by the id a backup's header names.
 */
public final class KeyRing {

    private final @Nullable EncryptionKey current;
    private final Map<String, EncryptionKey> byId = new LinkedHashMap<>();

    public KeyRing(@Nullable EncryptionKey current, List<EncryptionKey> previous) {
        this.current = current;
        if (current != null) {
            byId.put(current.id(), current);
        }
        for (EncryptionKey key : previous) {
            byId.putIfAbsent(key.id(), key);
        }
    }

    /** A ring without keys: backups are stored unencrypted and encrypted ones cannot be restored. */
    public static KeyRing none() {
        return new KeyRing(null, List.of());
    }

    public Optional<EncryptionKey> current() {
        return Optional.ofNullable(current);
    }

    public Optional<EncryptionKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    @Override
    public String toString() {
        return "KeyRing" + ids();
    }
}
