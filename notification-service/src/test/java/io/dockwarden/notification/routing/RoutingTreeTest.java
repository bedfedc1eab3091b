package io.dockwarden.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routing tree decides exactly as Alertmanager's: these cases mirror the tree and the expectations of
 * Alertmanager's own route tests (dispatch/route_test.go) and the example of its configuration documentation.
 */
class RoutingTreeTest {

    private static final String ALERTMANAGER_TREE = """
            route:
              receiver: notify-def
              routes:
              - matchers: ['owner="team-A"']
                receiver: notify-A
                routes:
                - matchers: ['env="testing"']
                  receiver: notify-testing
                  group_by: ['...']
                - matchers: ['env="production"']
                  receiver: notify-productionA
                  group_wait: 1m
                  continue: true
                - matchers: ['env=~"produ.*"', 'job=~".*"']
                  receiver: notify-productionB
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 1h
                  group_by: ['job']
              - matchers: ['owner=~"team-(B|C)"']
                group_by: ['foo', 'bar']
                group_wait: 2m
                receiver: notify-BC
              - matchers: [group_by="role"]
                group_by: ['role']
                routes:
                - matchers: ['env="testing"']
                  receiver: notify-testing
                  routes:
                  - matchers: [wait="long"]
                    group_wait: 2m
            receivers:
            - {name: notify-def, log_configs: [{}]}
            - {name: notify-A, log_configs: [{}]}
            - {name: notify-testing, log_configs: [{}]}
            - {name: notify-productionA, log_configs: [{}]}
            - {name: notify-productionB, log_configs: [{}]}
            - {name: notify-BC, log_configs: [{}]}
            """;

    private final RoutingConfig config = parse(ALERTMANAGER_TREE);

    @Test
    void anAlertOfTeamAWithoutEnvironmentStopsAtTheTeamRoute() {
        List<Route> routes = config.match(Map.of("owner", "team-A"));

        assertThat(routes).extracting(Route::receiver).containsExactly("notify-A");
        assertThat(routes.get(0).groupWait()).isEqualTo(Route.DEFAULT_GROUP_WAIT);
        assertThat(routes.get(0).groupBy()).isEqualTo(GroupBy.nothing());
    }

    @Test
    void aNestedMatchWinsOverItsParent() {
        List<Route> routes = config.match(Map.of("owner", "team-A", "env", "testing"));

        assertThat(routes).extracting(Route::receiver).containsExactly("notify-testing");
        assertThat(routes.get(0).groupBy().everyLabel()).isTrue();
    }

    @Test
    void continueLetsTheNextSiblingMatchToo() {
        List<Route> routes = config.match(Map.of("owner", "team-A", "env", "production"));

        assertThat(routes).extracting(Route::receiver).containsExactly("notify-productionA", "notify-productionB");
        assertThat(routes.get(0).groupWait()).isEqualTo(Duration.ofMinutes(1));
        assertThat(routes.get(1).groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(routes.get(1).repeatInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(routes.get(1).groupBy()).isEqualTo(GroupBy.of("job"));
    }

    @Test
    void regularExpressionsAreAnchored() {
        assertThat(config.match(Map.of("owner", "team-C"))).extracting(Route::receiver).containsExactly("notify-BC");
        assertThat(config.match(Map.of("owner", "team-CC"))).extracting(Route::receiver)
                .containsExactly("notify-def");
        assertThat(config.match(Map.of("owner", "xteam-B"))).extracting(Route::receiver)
                .containsExactly("notify-def");
    }

    @Test
    void aMatchingRouteWithoutMatchingChildrenIsItselfTheMatchAndInheritsTheReceiver() {
        List<Route> routes = config.match(Map.of("group_by", "role"));

        assertThat(routes).hasSize(1);
        assertThat(routes.get(0).receiver()).isEqualTo("notify-def");
        assertThat(routes.get(0).groupBy()).isEqualTo(GroupBy.of("role"));
    }

    @Test
    void optionsAreInheritedDownTheTree() {
        List<Route> routes = config.match(Map.of("group_by", "role", "env", "testing", "wait", "long"));

        assertThat(routes).hasSize(1);
        Route route = routes.get(0);
        assertThat(route.receiver()).isEqualTo("notify-testing");
        assertThat(route.groupBy()).isEqualTo(GroupBy.of("role"));
        assertThat(route.groupWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(route.groupInterval()).isEqualTo(Route.DEFAULT_GROUP_INTERVAL);
        assertThat(route.repeatInterval()).isEqualTo(Route.DEFAULT_REPEAT_INTERVAL);
    }

    @Test
    void theRootMatchesWhatNoChildMatches() {
        assertThat(config.match(Map.of("owner", "team-Z"))).extracting(Route::receiver)
                .containsExactly("notify-def");
        assertThat(config.match(Map.of())).extracting(Route::key).containsExactly("{}");
    }

    @Test
    void theDocumentationExampleRoutesDatabaseAlertsAndFrontendAlertsApart() {
        RoutingConfig documented = parse("""
                route:
                  receiver: default-receiver
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 4h
                  group_by: [cluster, alertname]
                  routes:
                  - receiver: database-pager
                    group_wait: 10s
                    matchers:
                    - service=~"mysql|cassandra"
                  - receiver: frontend-pager
                    group_by: [product, environment]
                    matchers:
                    - team="frontend"
                  - receiver: dev-pager
                    matchers:
                    - service="inhouse-service"
                    continue: true
                  - receiver: on-call-pager
                    matchers:
                    - service="inhouse-service"
                receivers:
                - {name: default-receiver, log_configs: [{}]}
                - {name: database-pager, log_configs: [{}]}
                - {name: frontend-pager, log_configs: [{}]}
                - {name: dev-pager, log_configs: [{}]}
                - {name: on-call-pager, log_configs: [{}]}
                """);

        Route database = documented.match(Map.of("service", "mysql")).get(0);
        assertThat(database.receiver()).isEqualTo("database-pager");
        assertThat(database.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(database.groupBy()).isEqualTo(GroupBy.of("cluster", "alertname"));
        assertThat(documented.match(Map.of("service", "mysql-replica"))).extracting(Route::receiver)
                .containsExactly("default-receiver");
        assertThat(documented.match(Map.of("team", "frontend")).get(0).groupBy())
                .isEqualTo(GroupBy.of("product", "environment"));
        assertThat(documented.match(Map.of("service", "inhouse-service"))).extracting(Route::receiver)
                .containsExactly("dev-pager", "on-call-pager");
    }

    @Test
    void legacyMatchAndMatchReStillWork() {
        RoutingConfig legacy = parse("""
                route:
                  receiver: a
                  routes:
                  - receiver: b
                    match: {severity: critical}
                    match_re: {host: "web-.*"}
                receivers:
                - {name: a, log_configs: [{}]}
                - {name: b, log_configs: [{}]}
                """);

        assertThat(legacy.match(Map.of("severity", "critical", "host", "web-1"))).extracting(Route::receiver)
                .containsExactly("b");
        assertThat(legacy.match(Map.of("severity", "critical", "host", "db-1"))).extracting(Route::receiver)
                .containsExactly("a");
    }

    @Test
    void groupLabelsLeaveOutLabelsTheAlertLacks() {
        assertThat(GroupBy.of("cluster", "alertname").groupLabels(Map.of("alertname", "X", "host", "h")))
                .containsExactly(Map.entry("alertname", "X"));
        assertThat(new GroupBy(true, List.of()).groupLabels(Map.of("b", "2", "a", "1")))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    static RoutingConfig parse(String yaml) {
        try {
            return RoutingFile.parse("routing.yml", yaml, null, (name, template) -> { });
        } catch (RoutingFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
