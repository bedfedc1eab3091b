package io.dockwarden.notification.routing;

import io.dockwarden.events.finding.Severity;
import java.util.Set;

/**
 * A receiver's subscription to report digests, for compliance officers.
 *
 * @param name the subscription's name
 * @param receiver who gets the digests
 * @param minSeverity findings less urgent than this are left out
 * @param hosts only these hosts; empty for all
 * @param checks only these check ids; empty for all
 */
public record Subscription(String name, String receiver, Severity minSeverity, Set<String> hosts,
        Set<String> checks) {

    public Subscription {
        hosts = Set.copyOf(hosts);
        checks = Set.copyOf(checks);
    }

    /** Whether a finding on this host, for this check, with this severity is of interest. */
    public boolean covers(String host, String check, Severity severity) {
        return (hosts.isEmpty() || hosts.contains(host)) && (checks.isEmpty() || checks.contains(check))
                && atLeast(severity);
    }

    /** Severity is ordered most urgent first, so "at least" means an ordinal not after the minimum's. */
    public boolean atLeast(Severity severity) {
        return severity.ordinal() <= minSeverity.ordinal();
    }
}
