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

/** 4.7 (manual): no build step refreshes the package index without installing in the same step. */
final class UpdateNotAlone extends CisContainerCheck {

    private static final Pattern UPDATE = Pattern.compile("\\b(?:apt-get|apt|apk)\\s+(?:-\\S+\\s+)*update\\b");
    private static final Pattern INSTALL =
            Pattern.compile("\\b(?:apt-get|apt|apk)\\s+(?:-\\S+\\s+)*(?:install|add|upgrade|dist-upgrade)\\b");

    UpdateNotAlone() {
        super("4.7", "Ensure update instructions are not used alone in Dockerfiles", 1, false, Severity.LOW,
                "An index update in a layer of its own is cached, so later builds install from a stale index and "
                        + "miss security fixes.",
                "Update and install in the same RUN instruction: 'RUN apt-get update && apt-get install -y ...'.",
                "Reads the image history: fails when a step runs 'apt-get update', 'apt update' or 'apk update' "
                        + "without an install in the same step.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<HistoryStep> history = context.container().image().history();
        for (int i = 0; i < history.size(); i++) {
            String step = history.get(i).createdBy();
            if (UPDATE.matcher(step).find() && !INSTALL.matcher(step).find()) {
                evidence.add(Evidences.of("Image.History[" + i + "].CreatedBy", step,
                        "update and install in the same step"));
            }
        }
        return evidence.isEmpty() ? Verdict.pass() : fail(evidence);
    }
}
