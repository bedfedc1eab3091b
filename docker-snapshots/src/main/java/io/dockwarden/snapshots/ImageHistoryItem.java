package io.dockwarden.snapshots;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /images/{name}/history}, which docker-java does not model.
 *
 * @param id the image id of the step, or {@code <missing>} for steps that are not images of their own
 * @param createdAt when the step ran, if the engine says
 * @param createdBy the instruction as the engine records it, unmasked: it may hold secrets
 * @param sizeBytes the size of the layer the step added
 * @param comment the builder's comment, such as {@code buildkit.dockerfile.v0}
 */
public record ImageHistoryItem(String id, @Nullable Instant createdAt, String createdBy, long sizeBytes,
        String comment) {

    /** Instructions that change only the image's configuration, never its file system. */
    private static final Set<String> METADATA_INSTRUCTIONS = Set.of("ENV", "LABEL", "USER", "CMD", "ENTRYPOINT",
            "EXPOSE", "ARG", "HEALTHCHECK", "STOPSIGNAL", "SHELL", "VOLUME", "ONBUILD", "MAINTAINER");

    /**
     * Whether the step added no layer. The history endpoint does not say so directly; a step counts as empty when it
     * added no bytes and is a configuration instruction ({@code #(nop)} of the classic builder, or a BuildKit
     * instruction such as {@code ENV}). A {@code RUN} that changed nothing still adds a layer, as the engine does.
     */
    public boolean emptyLayer() {
        if (sizeBytes != 0) {
            return false;
        }
        String step = createdBy.strip();
        int nop = step.indexOf("#(nop)");
        if (nop >= 0) {
            step = step.substring(nop + "#(nop)".length()).strip();
            return !(step.startsWith("ADD ") || step.startsWith("COPY "));
        }
        int space = step.indexOf(' ');
        String keyword = (space < 0 ? step : step.substring(0, space)).toUpperCase(Locale.ROOT);
        return METADATA_INSTRUCTIONS.contains(keyword);
    }
}
