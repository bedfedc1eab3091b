package io.dockwarden.compliance.findings;

import java.util.Locale;

/** Where a finding is in its lifecycle. */
public enum FindingStatus {
    OPEN,
    WAIVED,
    RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean active() {
        return this != RESOLVED;
    }
}
