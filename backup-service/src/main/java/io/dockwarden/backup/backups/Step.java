package io.dockwarden.backup.backups;

/** The steps of a backup, as {@code backup failed} events name them. */
public enum Step {
    QUIESCE("quiesce"), READ("read"), TRANSFORM("transform"), UPLOAD("upload"), COMMIT("commit"), PRUNE("prune");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
