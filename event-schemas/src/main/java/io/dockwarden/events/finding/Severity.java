package io.dockwarden.events.finding;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How urgent a failing check is, most urgent first. */
public enum Severity {
    @JsonProperty("critical") CRITICAL,
    @JsonProperty("high") HIGH,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("low") LOW,
    @JsonProperty("info") INFO;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
