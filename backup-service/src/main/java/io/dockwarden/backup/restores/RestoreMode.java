package io.dockwarden.backup.restores;

import java.util.Locale;

/** How a restore treats its target volume. */
public enum RestoreMode {
    /** Create the volume; fail if it exists. */
    NEW,
    /** Empty the volume first (creating it if missing); running containers that mount it must be labelled to stop. */
    REPLACE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RestoreMode of(String label) {
        for (RestoreMode mode : values()) {
            if (mode.label().equalsIgnoreCase(label.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("restore mode must be new or replace, not '" + label + "'");
    }
}
