package io.dockwarden.events.codec;

import io.dockwarden.events.EventData;

/** What decoding one Kafka record gave: a typed event, or a rejection that says exactly what is wrong. */
public sealed interface DecodeResult permits DecodeResult.Accepted, DecodeResult.Rejected {

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
