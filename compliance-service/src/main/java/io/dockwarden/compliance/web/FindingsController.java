package io.dockwarden.compliance.web;

import io.dockwarden.compliance.findings.Finding;
import io.dockwarden.compliance.findings.FindingStatus;
import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.compliance.findings.kafka.KafkaSubjectStates;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Findings across the fleet, filtered. Every filter takes one value or several separated by commas; {@code container}
 * matches the container id or name, {@code host} the host id.
 */
@RestController
@RequestMapping("/api/findings")
class FindingsController {

    static final int MAX_LIMIT = 10_000;

    private final KafkaSubjectStates states;

    FindingsController(KafkaSubjectStates states) {
        this.states = states;
    }

    @GetMapping
    List<FindingView> findings(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String check,
            @RequestParam(required = false) @Nullable String host,
            @RequestParam(required = false) @Nullable String container,
            @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        Set<FindingStatus> statuses = parse(status, "status", value -> FindingStatus.valueOf(value.toUpperCase(
                Locale.ROOT)), Set.of(FindingStatus.OPEN, FindingStatus.WAIVED));
        Set<Severity> severities = parse(severity, "severity", value -> Severity.valueOf(value.toUpperCase(
                Locale.ROOT)), null);
        Set<String> checks = split(check);
        Set<String> hosts = split(host);
        Set<String> containers = split(container);
        List<FindingView> views = new ArrayList<>();
        for (SubjectState state : states.all()) {
            if (hosts != null && !hosts.contains(state.hostId())) {
                continue;
            }
            if (containers != null && (state.containerId() == null || !containers.contains(state.containerId())
                    && !containers.contains(state.containerName()))) {
                continue;
            }
            for (Finding finding : state.findings().values()) {
                if (!statuses.contains(finding.status())
                        || (severities != null && !severities.contains(finding.severity()))
                        || (checks != null && !checks.contains(finding.checkId()))) {
                    continue;
                }
                if (state.isRemoved() && finding.status().active()) {
                    continue;
                }
                views.add(FindingView.of(state, finding));
            }
        }
        views.sort(Comparator.comparing((FindingView view) -> Severity.valueOf(view.severity().toUpperCase(
                Locale.ROOT))).thenComparing(FindingView::hostId)
                .thenComparing(view -> view.containerName() == null ? "" : view.containerName())
                .thenComparing(FindingView::checkId));
        return views.size() > limit ? views.subList(0, limit) : views;
    }

    @GetMapping("/{findingId}")
    FindingView finding(@PathVariable String findingId) {
        for (SubjectState state : states.all()) {
            for (Finding finding : state.findings().values()) {
                if (finding.findingId().equals(findingId)) {
                    return FindingView.of(state, finding);
                }
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no finding " + findingId);
    }

    private static <T> Set<T> parse(@Nullable String text, String name,
            java.util.function.Function<String, T> parser, @Nullable Set<T> fallback) {
        Set<String> values = split(text);
        if (values == null) {
            return fallback;
        }
        try {
            return values.stream().map(parser).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown " + name + " in '" + text + "'");
        }
    }

    private static @Nullable Set<String> split(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(value -> !value.isEmpty())
                .collect(Collectors.toSet());
    }
}
