package io.dockwarden.events.finding;

/**
 * One fact that decided a verdict.
 *
 * @param field the snapshot field read, as a path such as {@code HostConfig.CapAdd}
 * @param actual the value found (secrets are never evidence: env values are not in snapshots)
 * @param expected what the check wants instead
 */
public record Evidence(String field, String actual, String expected) {
}
