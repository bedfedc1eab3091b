package io.dockwarden.events.codec;

/**
 * Why a record was rejected, precisely enough to fix the producer.
 *
 * @param reason the kind of problem
 * @param detail what exactly: the attribute, or the JSON pointer and the violated rule
 */
public record Rejection(RejectionReason reason, String detail) {

    /** Header names of dead-lettered records. */
    public static final String REASON_HEADER = "dockwarden-rejection-reason";
    public static final String DETAIL_HEADER = "dockwarden-rejection-detail";

    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
