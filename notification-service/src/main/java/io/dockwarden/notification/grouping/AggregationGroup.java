package io.dockwarden.notification.grouping;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.routing.Route;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The alerts of one route that share the values of the route's {@code group_by} labels; notified together. */
final class AggregationGroup {

    final String key;
    final Route route;
    final Map<String, String> groupLabels;
    final Map<String, Alert> alerts = new LinkedHashMap<>();
    /** Fingerprint and status of muted alerts already recorded, so that each is logged once. */
    final Set<String> silencedRecorded = new HashSet<>();
    boolean flushing;
    Ports.@Nullable Cancellable timer;

    AggregationGroup(String key, Route route, Map<String, String> groupLabels) {
        this.key = key;
        this.route = route;
        this.groupLabels = Map.copyOf(groupLabels);
    }

    static String keyOf(Route route, Map<String, String> groupLabels) {
        StringBuilder key = new StringBuilder(route.key()).append(":{");
        boolean first = true;
        for (Map.Entry<String, String> label : new java.util.TreeMap<>(groupLabels).entrySet()) {
            key.append(first ? "" : ",").append(label.getKey()).append("=\"").append(label.getValue()).append('"');
            first = false;
        }
        return key.append('}').toString();
    }
}
