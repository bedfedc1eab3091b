package io.dockwarden.compliance.checks.cis;

import io.dockwarden.events.finding.Severity;

/** 5.21: the container has its own UTS namespace. */
final class HostUtsNotShared extends HostNamespaceCheck {

    HostUtsNotShared() {
        super("5.21", "Ensure that the host's UTS namespace is not shared", Severity.MEDIUM,
                "In the host's UTS namespace a container can change the host's hostname and domain name.",
                "Remove '--uts host'.",
                "HostConfig.UTSMode", context -> context.container().utsMode());
    }
}
