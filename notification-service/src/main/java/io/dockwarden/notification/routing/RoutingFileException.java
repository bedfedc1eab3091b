package io.dockwarden.notification.routing;

/** A routing file that cannot be used, with where and why, such as {@code routing.yml:12: unknown key 'recevier'}. */
public class RoutingFileException extends Exception {

    private final String file;
    private final int line;
    private final String reason;

    public RoutingFileException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
