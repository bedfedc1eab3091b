package io.dockwarden.compliance.checks;

import io.dockwarden.events.finding.Severity;

/**
 * Everything about a check except its logic: what reports, findings and the check list show.
 *
 * @param id benchmark check id such as {@code 5.13}, or the id an operator gave a custom rule
 * @param benchmark benchmark and version, such as {@code CIS Docker Benchmark v1.6.0}
 * @param title what the check ensures
 * @param level CIS profile level, 1 or 2
 * @param scored whether the check counts towards scores (CIS "Automated")
 * @param severity the severity of a failure, unless the verdict raises it
 * @param rationale why it matters
 * @param remediation what to change
 * @param description how this check decides, including where it is stricter than docker-bench-security
 * @param target container or host
 * @param origin {@code built-in}, or the file a custom rule came from
 */
public record CheckInfo(String id, String benchmark, String title, int level, boolean scored, Severity severity,
        String rationale, String remediation, String description, CheckTarget target, String origin) {

    public static final String BUILT_IN = "built-in";

    public CheckInfo {
        if (level != 1 && level != 2) {
            throw new IllegalArgumentException("level must be 1 or 2: " + level);
        }
    }
}
