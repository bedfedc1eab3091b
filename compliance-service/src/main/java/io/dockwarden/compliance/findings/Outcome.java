package io.dockwarden.compliance.findings;

/** The last verdict of one check on one subject, as reports need it. */
public enum Outcome {
    PASS,
    FAIL,
    NOT_APPLICABLE
}
