package io.dockwarden.notification.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of the routing tree, with the options it inherited already applied (receiver, grouping and timings come
 * from the closest ancestor that sets them).
 *
 * @param key identity of the route in the tree, stable while the file keeps its shape; part of group keys
 * @param matchers what an alert must match to enter the route
 * @param continueMatching whether later siblings are tried after this route matched
 * @param receiver where the groups of this route are sent
 * @param groupBy how alerts are split into groups
 * @param groupWait how long a new group waits for more alerts before its first notification
 * @param groupInterval how long a group waits before notifying about alerts added since its last notification
 * @param repeatInterval how long before a notification that changed nothing is sent again
 * @param routes child routes, tried in order
 */
public record Route(String key, Matchers matchers, boolean continueMatching, String receiver, GroupBy groupBy,
        Duration groupWait, Duration groupInterval, Duration repeatInterval, List<Route> routes) {

    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    public Route {
        routes = List.copyOf(routes);
    }

    /**
     * The routes an alert with these labels goes to, exactly as Alertmanager decides: a route that does not match
     * yields nothing; otherwise its children are tried in order, each matching child contributes its own matches, and
     * the first matching child without {@code continue} ends the search; a matching route none of whose children
     * matched is itself the match.
     */
    public List<Route> match(Map<String, String> labels) {
        if (!matchers.matches(labels)) {
            return List.of();
        }
        List<Route> all = new ArrayList<>();
        for (Route child : routes) {
            List<Route> matches = child.match(labels);
            all.addAll(matches);
            if (!matches.isEmpty() && !child.continueMatching) {
                break;
            }
        }
        if (all.isEmpty()) {
            all.add(this);
        }
        return all;
    }

    /** Every route of the subtree, depth first. */
    public List<Route> flatten() {
        List<Route> all = new ArrayList<>();
        all.add(this);
        routes.forEach(child -> all.addAll(child.flatten()));
        return all;
    }
}
