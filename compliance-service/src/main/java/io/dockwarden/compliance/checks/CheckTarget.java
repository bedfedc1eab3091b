package io.dockwarden.compliance.checks;

/** What a check looks at: one container (with its image) or the engine itself. */
public enum CheckTarget {
    CONTAINER,
    HOST
}
