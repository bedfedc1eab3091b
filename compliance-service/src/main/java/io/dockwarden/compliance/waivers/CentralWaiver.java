package io.dockwarden.compliance.waivers;

import io.dockwarden.events.finding.Waiver;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A waiver approved centrally, for the findings its selector picks.
 *
 * @param id the waiver's id, quoted in findings and reports
 * @param checkIds the checks it waives
 * @param host host id or host name glob, absent for any host
 * @param container container name glob, absent for any container; set, it never matches host-level findings
 * @param image image reference glob, absent for any image; set, it never matches host-level findings
 * @param labels label globs the container must all match; set, they never match host-level findings
 * @param justification why the exception is accepted
 * @param expiresAt when it lapses
 * @param approvedBy who approved it, if recorded
 * @param file the file it came from
 * @param line its line there
 */
public record CentralWaiver(String id, Set<String> checkIds, @Nullable Glob host, @Nullable Glob container,
        @Nullable Glob image, Map<String, Glob> labels, String justification, Instant expiresAt,
        @Nullable String approvedBy, String file, int line) {

    public static final String SOURCE = "central";

    public CentralWaiver {
        checkIds = Set.copyOf(checkIds);
        labels = Map.copyOf(labels);
    }

    public boolean covers(String checkId, WaiverSubject subject, Instant now) {
        if (!checkIds.contains(checkId) || !now.isBefore(expiresAt)) {
            return false;
        }
        if (host != null && !host.matches(subject.hostId())
                && (subject.hostName() == null || !host.matches(subject.hostName()))) {
            return false;
        }
        boolean containerSelector = container != null || image != null || !labels.isEmpty();
        if (subject.isHost()) {
            return !containerSelector;
        }
        if (container != null && !container.matches(subject.containerName())) {
            return false;
        }
        if (image != null && (subject.image() == null || !image.matches(subject.image()))) {
            return false;
        }
        for (Map.Entry<String, Glob> label : labels.entrySet()) {
            String value = subject.labels().get(label.getKey());
            if (value == null || !label.getValue().matches(value)) {
                return false;
            }
        }
        return true;
    }

    public Waiver asWaiver() {
        return new Waiver(SOURCE, id, justification, expiresAt, approvedBy);
    }
}
