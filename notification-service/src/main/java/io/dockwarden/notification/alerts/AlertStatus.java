package io.dockwarden.notification.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Whether an alert fires or has resolved, as Alertmanager words it. */
public enum AlertStatus {
    @JsonProperty("firing") FIRING,
    @JsonProperty("resolved") RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
