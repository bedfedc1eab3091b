package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;

/** 2.13 (level 2): container logs leave the host. */
final class CentralisedLogging extends CisHostCheck {

    private final boolean remoteLoggingDeclared;

    CentralisedLogging(boolean remoteLoggingDeclared) {
        super("2.13", "Ensure centralized and remote logging is configured", 2, true, Severity.LOW,
                "Logs kept only on the host are lost with it, and an intruder on the host can rewrite them.",
                "Use a remote logging driver (syslog, journald forwarded, fluentd, gelf, splunk, awslogs...), or "
                        + "ship json-file logs centrally and declare it in "
                        + "dockwarden.compliance.checks.remote-logging-declared.",
                "Fails when LoggingDriver is json-file or local, unless the operator declared that logs are "
                        + "shipped by other means (the API cannot show a log shipper).");
        this.remoteLoggingDeclared = remoteLoggingDeclared;
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        String driver = host.loggingDriver();
        if ((driver.equals("json-file") || driver.equals("local")) && !remoteLoggingDeclared) {
            return fail(Evidences.of("LoggingDriver", driver, "a remote logging driver, or declared log shipping"));
        }
        return Verdict.pass();
    }
}
