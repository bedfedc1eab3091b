package io.dockwarden.notification.web;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.config.RoutingSource;
import io.dockwarden.notification.grouping.Dispatcher;
import io.dockwarden.notification.routing.Route;
import io.dockwarden.notification.routing.RoutingConfig;
import io.dockwarden.notification.silences.Silences;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The alerts held now (with the silences muting them), the groups, and the routing tree in force. */
@RestController
class AlertsController {

    private final Dispatcher dispatcher;
    private final Silences silences;
    private final RoutingSource routing;
    private final Clock clock;

    AlertsController(Dispatcher dispatcher, Silences silences, RoutingSource routing, Clock clock) {
        this.dispatcher = dispatcher;
        this.silences = silences;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * An alert and what mutes it.
     *
     * @param alert the alert
     * @param silencedBy ids of the active silences that mute it
     * @param receivers the receivers its routes send to
     */
    record AlertJson(Alert alert, List<String> silencedBy, List<String> receivers) {
    }

    /**
     * A route of the tree in force, with inherited options applied.
     *
     * @param key its key
     * @param matchers its matchers
     * @param receiver its receiver
     * @param groupBy its grouping
     * @param groupWait seconds
     * @param groupInterval seconds
     * @param repeatInterval seconds
     * @param continueMatching whether siblings are tried after it
     */
    record RouteJson(String key, String matchers, String receiver, String groupBy, long groupWait,
            long groupInterval, long repeatInterval, boolean continueMatching) {
    }

    @GetMapping("/api/alerts")
    List<AlertJson> alerts() {
        Instant now = clock.instant();
        RoutingConfig config = routing.current();
        return dispatcher.alerts().stream().map(alert -> new AlertJson(alert, silences.muting(alert.labels(), now),
                config.match(alert.labels()).stream().map(Route::receiver).distinct().toList())).toList();
    }

    @GetMapping("/api/alerts/groups")
    Map<String, List<String>> groups() {
        return dispatcher.groups();
    }

    @GetMapping("/api/routing")
    Map<String, Object> routing() {
        RoutingConfig config = routing.current();
        List<RouteJson> routes = config.root().flatten().stream().map(route -> new RouteJson(route.key(),
                route.matchers().toString(), route.receiver(), route.groupBy().toString(),
                route.groupWait().toSeconds(), route.groupInterval().toSeconds(), route.repeatInterval().toSeconds(),
                route.continueMatching())).toList();
        return Map.of("status", routing.status(), "receivers", config.receivers().keySet(), "routes", routes,
                "subscriptions", config.subscriptions());
    }
}
