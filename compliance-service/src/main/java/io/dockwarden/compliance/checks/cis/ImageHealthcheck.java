package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.HealthcheckConfig;
import io.dockwarden.events.finding.Severity;

/** 4.6: the image defines a HEALTHCHECK. */
final class ImageHealthcheck extends CisContainerCheck {

    ImageHealthcheck() {
        super("4.6", "Ensure that HEALTHCHECK instructions have been added to container images", 1, true,
                Severity.LOW,
                "A health check built into the image travels with it, so every container of the image reports "
                        + "whether it works.",
                "Add a HEALTHCHECK instruction to the Dockerfile.",
                "Fails when the image's Config.Healthcheck is absent or NONE; a healthcheck given only to the "
                        + "container does not count (5.27 covers runtime health).");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        HealthcheckConfig healthcheck = context.container().image().healthcheck();
        if (healthcheck != null && !healthcheck.disabled()) {
            return Verdict.pass();
        }
        return fail(Evidences.of("Image.Config.Healthcheck", healthcheck == null ? "absent" : healthcheck.type(),
                "a HEALTHCHECK instruction"));
    }
}
