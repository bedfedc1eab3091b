package io.dockwarden.notification.silences;

/** Where silences are kept so that a restart, or another instance, sees them. */
public interface SilenceRepository {

    /** Stores a silence durably; returns once stored. */
    void save(Silence silence);

    /** Forgets an expired silence for good. */
    void delete(String id);
}
