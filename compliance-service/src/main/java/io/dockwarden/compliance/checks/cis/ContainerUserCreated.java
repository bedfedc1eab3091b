package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.Severity;

/** 4.1: the container runs as a user other than root. */
final class ContainerUserCreated extends CisContainerCheck {

    ContainerUserCreated() {
        super("4.1", "Ensure that a user for the container has been created", 1, true, Severity.MEDIUM,
                "A process running as root in the container is root on the host's kernel: one escape away from "
                        + "the host, and able to change everything in the container.",
                "Create a user in the image ('RUN useradd ...' then 'USER app') or run with '--user 1000:1000'.",
                "Fails when the effective user (Config.User, else the image's) is empty, 'root' or UID 0, with or "
                        + "without a group ('0:0', 'root:staff', '0000'). Stricter than docker-bench-security, "
                        + "which only looks for an empty user and so passes '0:0' and 'root:staff'.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        ContainerSnapshot container = context.container();
        String user = container.user().isBlank() ? container.image().user() : container.user();
        return isRoot(user) ? fail(Evidences.of("Config.User", user, "a non-root user")) : Verdict.pass();
    }

    static boolean isRoot(String user) {
        String name = user.strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon).strip();
        }
        if (name.isEmpty() || name.equals("root")) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
