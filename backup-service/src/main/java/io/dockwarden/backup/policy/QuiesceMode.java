package io.dockwarden.backup.policy;

/** What happens to a container while its volume is read. */
public enum QuiesceMode {
    /** It keeps running (its hooks may still run). */
    NONE,
    /** It is stopped before the read and started again after. */
    STOP,
    /** It is paused before the read and unpaused after. */
    PAUSE
}
