package io.dockwarden.notification.digests;

import io.dockwarden.events.finding.FindingEvent;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.finding.FindingResolved;
import io.dockwarden.events.finding.FindingWaived;
import io.dockwarden.events.finding.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The latest change of one finding since the last report.
 *
 * @param findingId the finding
 * @param hostId its host
 * @param container its container's name (or id), absent for host checks
 * @param checkId its check
 * @param title the check's title
 * @param severity its severity
 * @param change opened, resolved or waived
 * @param at when
 */
public record FindingChange(String findingId, String hostId, @Nullable String container, String checkId,
        String title, Severity severity, String change, Instant at) {

    public static FindingChange of(FindingEvent event) {
        String container = event.containerId();
        if (event instanceof FindingOpened opened) {
            return new FindingChange(opened.findingId(), opened.hostId(), nameOr(opened.containerName(), container),
                    opened.checkId(), opened.title(), opened.severity(), "opened", opened.openedAt());
        }
        if (event instanceof FindingResolved resolved) {
            return new FindingChange(resolved.findingId(), resolved.hostId(),
                    nameOr(resolved.containerName(), container), resolved.checkId(), resolved.title(),
                    resolved.severity(), "resolved", resolved.resolvedAt());
        }
        FindingWaived waived = (FindingWaived) event;
        return new FindingChange(waived.findingId(), waived.hostId(), nameOr(waived.containerName(), container),
                waived.checkId(), waived.title(), waived.severity(), "waived", waived.waivedAt());
    }

    private static @Nullable String nameOr(@Nullable String name, @Nullable String id) {
        return name != null ? name : id;
    }
}
