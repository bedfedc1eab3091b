package io.dockwarden.compliance.waivers;

/**
 * A waiver label that is ignored, and reported, because it does not meet the rules for waivers.
 *
 * @param label the label key
 * @param value the label's value
 * @param reason why it is ignored
 */
public record RejectedLabelWaiver(String label, String value, String reason) {
}
