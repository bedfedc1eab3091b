package io.dockwarden.events.codec;

/** Why a record was not accepted; travels in the {@code dockwarden-rejection-reason} header of a dead letter. */
public enum RejectionReason {
    /** The value is absent where data is required. */
    EMPTY_VALUE,
    /** The value is larger than the configured maximum. */
    OVERSIZED,
    /** The value or a header is not valid UTF-8. */
    INVALID_ENCODING,
    /** The value is not JSON. */
    MALFORMED_JSON,
    /** A required CloudEvents attribute is missing. */
    MISSING_ATTRIBUTE,
    /** An attribute has a wrong value (spec version, time, content type, dataschema, subject vs key). */
    INVALID_ATTRIBUTE,
    /** The {@code ce_type} is not a type of the contract. */
    UNKNOWN_TYPE,
    /** The type does not travel on the topic the record came from. */
    WRONG_TOPIC,
    /** The data does not validate against the type's schema. */
    SCHEMA_VIOLATION
}
