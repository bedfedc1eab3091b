package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;

/** 5.2: an AppArmor profile confines the container, on engines that support AppArmor. */
final class AppArmorProfileEnabled extends CisContainerCheck {

    AppArmorProfileEnabled() {
        super("5.2", "Ensure that, if applicable, an AppArmor Profile is enabled", 1, true, Severity.HIGH,
                "AppArmor limits what a containerised process may do with files, capabilities and the network; "
                        + "without a profile a compromised process keeps every right its capabilities grant.",
                "Run the container with the default profile (remove '--security-opt apparmor=unconfined') or with "
                        + "a profile of your own: '--security-opt apparmor=<profile>'.",
                "Fails when AppArmorProfile is 'unconfined', or empty on an engine that lists apparmor in its "
                        + "SecurityOptions. Not applicable on engines without AppArmor (SELinux-only hosts), where "
                        + "docker-bench-security reports a false warning.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        String profile = context.container().appArmorProfile();
        if ("unconfined".equals(profile)) {
            return fail(Evidences.of("AppArmorProfile", profile, "docker-default or a custom profile"));
        }
        if (!profile.isEmpty()) {
            return Verdict.pass();
        }
        if (context.host() == null) {
            return Verdict.notApplicable("the engine's security options are not known yet");
        }
        if (!context.hostHasSecurityOption("apparmor")) {
            return Verdict.notApplicable("the engine does not support AppArmor");
        }
        return fail(Evidences.of("AppArmorProfile", profile, "docker-default or a custom profile"));
    }
}
