package io.dockwarden.compliance.reports;

/** The archive could not be read or written; the request or the scheduled run fails and can be retried. */
public class ArchiveUnavailableException extends RuntimeException {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
