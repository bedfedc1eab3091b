package io.dockwarden.notification.routing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels that split alerts of a route into groups. {@code ...} groups by every label, which disables grouping;
 * no label at all puts every alert of the route into one group.
 *
 * @param everyLabel whether {@code ...} was given
 * @param labels the label names otherwise
 */
public record GroupBy(boolean everyLabel, List<String> labels) {

    public GroupBy {
        labels = List.copyOf(labels);
    }

    public static GroupBy nothing() {
        return new GroupBy(false, List.of());
    }

    public static GroupBy of(String... labels) {
        return new GroupBy(false, List.of(labels));
    }

    /** The group labels of an alert: the named labels it has (absent ones are left out), in name order. */
    public Map<String, String> groupLabels(Map<String, String> alertLabels) {
        if (everyLabel) {
            return new TreeMap<>(alertLabels);
        }
        Map<String, String> group = new TreeMap<>();
        for (String name : labels) {
            String value = alertLabels.get(name);
            if (value != null) {
                group.put(name, value);
            }
        }
        return group;
    }

    @Override
    public String toString() {
        return everyLabel ? "[...]" : labels.toString();
    }
}
