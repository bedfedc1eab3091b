package io.dockwarden.backup.restores;

/** The steps of a restore, as {@code restore failed} events name them. */
public enum RestoreStep {
    MANIFEST("manifest"), DOWNLOAD("download"), AUTHENTICATE("authenticate"), PREPARE("prepare"), WRITE("write");

    private final String label;

    RestoreStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
