package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.HistoryStep;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** 4.9 (manual): the image was built with COPY, not ADD. */
final class CopyInsteadOfAdd extends CisContainerCheck {

    /** Classic builder: "/bin/sh -c #(nop) ADD file:... in /"; BuildKit: "ADD src dst # buildkit". */
    private static final Pattern ADD = Pattern.compile("(?:#\\(nop\\)\\s*|^\\s*)ADD\\s");
    private static final Pattern BASE_ROOTFS = Pattern.compile("ADD\\s+(?:multi-)?file:");

    CopyInsteadOfAdd() {
        super("4.9", "Ensure that COPY is used instead of ADD in Dockerfiles", 1, false, Severity.LOW,
                "ADD fetches URLs and unpacks archives implicitly, which can bring unverified content into the "
                        + "image; COPY only copies local files.",
                "Replace ADD with COPY; download and verify remote files in a RUN step.",
                "Reads the image history: fails on any ADD step except the base image's first 'ADD file:' (its "
                        + "root filesystem).");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<HistoryStep> history = context.container().image().history();
        boolean baseSeen = false;
        for (int i = 0; i < history.size(); i++) {
            String step = history.get(i).createdBy();
            if (!ADD.matcher(step).find()) {
                continue;
            }
            if (!baseSeen && BASE_ROOTFS.matcher(step).find()) {
                baseSeen = true;
                continue;
            }
            evidence.add(Evidences.of("Image.History[" + i + "].CreatedBy", step, "COPY instead of ADD"));
        }
        return evidence.isEmpty() ? Verdict.pass() : fail(evidence);
    }
}
