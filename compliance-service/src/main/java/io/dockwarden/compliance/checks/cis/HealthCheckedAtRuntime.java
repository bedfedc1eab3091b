package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerSnapshot.HealthcheckConfig;
import io.dockwarden.events.finding.Severity;
import org.jspecify.annotations.Nullable;

/** 5.27: the container's health is checked while it runs. */
final class HealthCheckedAtRuntime extends CisContainerCheck {

    HealthCheckedAtRuntime() {
        super("5.27", "Ensure that container health is checked at runtime", 1, true, Severity.LOW,
                "Without a health check a hung service looks as healthy as a working one to the engine, the "
                        + "orchestrator and the people on call.",
                "Add a HEALTHCHECK to the image or '--health-cmd' to the container, and do not disable it with "
                        + "'--no-healthcheck'.",
                "Fails when State.Health is absent on a running container. A container that is not running has no "
                        + "runtime health yet; it passes when its own or its image's healthcheck is defined and "
                        + "not NONE.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        ContainerSnapshot container = context.container();
        if (container.health() != null) {
            return Verdict.pass();
        }
        if (!"running".equals(container.status()) && configured(container)) {
            return Verdict.pass();
        }
        return fail(Evidences.of("State.Health", "absent", "a healthcheck reporting status"),
                Evidences.of("Config.Healthcheck", describe(container.healthcheck(), container.image().healthcheck()),
                        "a healthcheck in the container or its image"));
    }

    private static boolean configured(ContainerSnapshot container) {
        HealthcheckConfig own = container.healthcheck();
        if (own != null) {
            return !own.disabled();
        }
        HealthcheckConfig image = container.image().healthcheck();
        return image != null && !image.disabled();
    }

    private static String describe(@Nullable HealthcheckConfig own, @Nullable HealthcheckConfig image) {
        if (own != null) {
            return own.type();
        }
        return image == null ? "none" : "image: " + image.type();
    }
}
