package io.dockwarden.notification.routing;

import io.dockwarden.notification.secrets.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded routing file: the tree, the receivers it sends to, and the digest subscriptions.
 *
 * @param source where it came from (file name), for messages
 * @param root the root route, which matches every alert
 * @param receivers receivers by name; always includes the built-in {@code log} receiver
 * @param subscriptions digest subscriptions
 */
public record RoutingConfig(String source, Route root, Map<String, Receiver> receivers,
        List<Subscription> subscriptions) {

    public RoutingConfig {
        Map<String, Receiver> all = new LinkedHashMap<>(receivers);
        all.putIfAbsent(Receiver.LOG, Receiver.log());
        receivers = java.util.Collections.unmodifiableMap(all);
        subscriptions = List.copyOf(subscriptions);
    }

    /** What runs without a routing file: every alert to the log, grouped by alert name. */
    public static RoutingConfig builtIn() {
        Route root = new Route("{}", Matchers.none(), false, Receiver.LOG, GroupBy.of("alertname"),
                Route.DEFAULT_GROUP_WAIT, Route.DEFAULT_GROUP_INTERVAL, Route.DEFAULT_REPEAT_INTERVAL, List.of());
        return new RoutingConfig("built-in", root, Map.of(), List.of());
    }

    public List<Route> match(Map<String, String> labels) {
        return root.match(labels);
    }

    public Optional<Receiver> receiver(String name) {
        return Optional.ofNullable(receivers.get(name));
    }

    public List<Secret> secrets() {
        return receivers.values().stream().flatMap(receiver -> receiver.secrets().stream()).toList();
    }
}
