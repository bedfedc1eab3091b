package io.dockwarden.events.codec;

import io.dockwarden.events.EventData;

/** What decoding one Kafka record gave: a typed event, or a rejection that says exactly what is wrong. */
public sealed interface DecodeResult permits DecodeResult.Accepted, DecodeResult.Rejected {

    /**
     * The decoded event, for consumers that dead-letter every rejection.
     *
     * @throws RejectedEventException carrying the rejection, when the record was rejected
     */
    default Envelope<? extends EventData> orElseThrow() {
        if (this instanceof Accepted accepted) {
            return accepted.envelope();
        }
        throw new RejectedEventException(((Rejected) this).rejection());
    }

    /**
     * The record is a valid event of the contract.
     *
     * @param envelope the decoded event
     */
    record Accepted(Envelope<? extends EventData> envelope) implements DecodeResult {
    }

    /**
     * The record is not.
     *
     * @param rejection why
     */
    record Rejected(Rejection rejection) implements DecodeResult {
    }
}
