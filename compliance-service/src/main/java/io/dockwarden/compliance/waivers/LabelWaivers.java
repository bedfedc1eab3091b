package io.dockwarden.compliance.waivers;

import io.dockwarden.compliance.definitions.YamlNode;
import io.dockwarden.events.finding.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The waivers a container declares in its labels: {@code dockwarden.waive.<check>=<justification>} with
 * {@code dockwarden.waive.<check>.expires=<date or timestamp>}. A waiver without a justification, without an expiry,
 * with an unreadable expiry or with an expiry further away than allowed is ignored and reported; one whose expiry
 * has passed is simply no longer in force.
 *
 * @param valid the waivers in force, by check id
 * @param rejected the waiver labels ignored, with why
 */
public record LabelWaivers(Map<String, Waiver> valid, List<RejectedLabelWaiver> rejected) {

    public static final String PREFIX = "dockwarden.waive.";
    public static final String EXPIRES_SUFFIX = ".expires";
    public static final String SOURCE = "label";

    private static final LabelWaivers NONE = new LabelWaivers(Map.of(), List.of());

    public LabelWaivers {
        valid = Map.copyOf(valid);
        rejected = List.copyOf(rejected);
    }

    /** Whether the labels hold any waiver label at all. */
    public static boolean declared(Map<String, String> labels) {
        for (String key : labels.keySet()) {
            if (key.startsWith(PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the waiver labels.
     *
     * @param labels the container's labels
     * @param now the time of evaluation
     * @param maximumAhead how far in the future an expiry may be
     */
    public static LabelWaivers of(Map<String, String> labels, Instant now, Duration maximumAhead) {
        if (!declared(labels)) {
            return NONE;
        }
        Map<String, String> justifications = new TreeMap<>();
        Map<String, String> expiries = new TreeMap<>();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            if (rest.endsWith(EXPIRES_SUFFIX)) {
                expiries.put(rest.substring(0, rest.length() - EXPIRES_SUFFIX.length()), label.getValue());
            } else {
                justifications.put(rest, label.getValue());
            }
        }
        Map<String, Waiver> valid = new TreeMap<>();
        List<RejectedLabelWaiver> rejected = new ArrayList<>();
        for (Map.Entry<String, String> entry : justifications.entrySet()) {
            String checkId = entry.getKey();
            String label = PREFIX + checkId;
            String justification = entry.getValue().strip();
            String expiryText = expiries.get(checkId);
            if (checkId.isEmpty()) {
                rejected.add(new RejectedLabelWaiver(label, entry.getValue(), "names no check"));
            } else if (justification.isEmpty()) {
                rejected.add(new RejectedLabelWaiver(label, entry.getValue(), "a waiver needs a justification"));
            } else if (expiryText == null) {
                rejected.add(new RejectedLabelWaiver(label, entry.getValue(),
                        "a waiver needs an expiry: add " + label + EXPIRES_SUFFIX + "=<date>"));
            } else {
                Instant expiresAt = YamlNode.parseInstant(expiryText.strip());
                if (expiresAt == null) {
                    rejected.add(new RejectedLabelWaiver(label + EXPIRES_SUFFIX, expiryText,
                            "not a date (2027-03-01) or timestamp (2027-03-01T12:00:00Z)"));
                } else if (expiresAt.isAfter(now.plus(maximumAhead))) {
                    rejected.add(new RejectedLabelWaiver(label + EXPIRES_SUFFIX, expiryText, "expires more than "
                            + maximumAhead.toDays() + " days ahead; label waivers may not run longer"));
                } else if (expiresAt.isAfter(now)) {
                    valid.put(checkId, new Waiver(SOURCE, label, justification, expiresAt, null));
                }
            }
        }
        for (Map.Entry<String, String> expiry : expiries.entrySet()) {
            if (!justifications.containsKey(expiry.getKey())) {
                rejected.add(new RejectedLabelWaiver(PREFIX + expiry.getKey() + EXPIRES_SUFFIX, expiry.getValue(),
                        "an expiry without a waiver: add " + PREFIX + expiry.getKey() + "=<justification>"));
            }
        }
        return new LabelWaivers(valid, rejected);
    }
}
