package io.dockwarden.events.codec;

import java.util.List;

/** Kafka header names of CloudEvents 1.0 in binary mode, and the values this contract fixes. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    /** The attributes every event of the contract carries, tombstones included, in the order they are checked. */
    public static final List<String> REQUIRED = List.of(ID, SOURCE, SPEC_VERSION, TYPE, TIME, SUBJECT);

    private CloudEventHeaders() {
    }
}
