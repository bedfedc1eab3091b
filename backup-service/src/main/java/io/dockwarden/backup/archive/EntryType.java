package io.dockwarden.backup.archive;

/** The kind of a file system entry, as a tar header tells it. */
public enum EntryType {
    FILE("file"), DIRECTORY("dir"), SYMLINK("symlink"), HARDLINK("hardlink"), CHAR_DEVICE("char"),
    BLOCK_DEVICE("block"), FIFO("fifo");

    private final String label;

    EntryType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static EntryType ofLabel(String label) {
        for (EntryType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown entry type '" + label + "'");
    }
}
