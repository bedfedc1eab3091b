package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** 5.20: no mount propagates mounts back to the host. */
final class MountPropagationNotShared extends CisContainerCheck {

    MountPropagationNotShared() {
        super("5.20", "Ensure that the mount propagation mode is not set to shared", 1, true, Severity.MEDIUM,
                "A shared mount lets mounts made inside the container appear on the host and in every other "
                        + "container sharing it.",
                "Use the default 'rprivate' propagation, or 'slave'/'rslave' when host mounts must reach the "
                        + "container.",
                "Fails when a mount's Propagation is 'shared' or 'rshared'.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<Mount> mounts = context.container().mounts();
        for (int i = 0; i < mounts.size(); i++) {
            Mount mount = mounts.get(i);
            if (mount.propagation().equals("shared") || mount.propagation().equals("rshared")) {
                evidence.add(Evidences.of("Mounts[" + i + "].Propagation", mount.propagation() + " ("
                        + mount.destination() + ")", "private, rprivate, slave or rslave"));
            }
        }
        return evidence.isEmpty() ? Verdict.pass() : fail(evidence);
    }
}
