package io.dockwarden.compliance.reports;

import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.events.finding.Severity;

/**
 * A check as reports list it.
 *
 * @param id check id
 * @param benchmark benchmark and version
 * @param title what it ensures
 * @param target container or host
 * @param level CIS level
 * @param scored whether it counts towards scores
 * @param severity severity of a failure
 * @param rationale why it matters
 * @param remediation what to change
 * @param description how it decides
 * @param origin built-in or the rule file
 */
public record CheckDescription(String id, String benchmark, String title, String target, int level, boolean scored,
        Severity severity, String rationale, String remediation, String description, String origin) {

    public static CheckDescription of(CheckInfo info) {
        return new CheckDescription(info.id(), info.benchmark(), info.title(),
                info.target().name().toLowerCase(java.util.Locale.ROOT), info.level(), info.scored(), info.severity(),
                info.rationale(), info.remediation(), info.description(), info.origin());
    }
}
