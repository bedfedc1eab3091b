package io.dockwarden.compliance.checks.cis;

import io.dockwarden.events.finding.Severity;

/** 5.31: the container does not opt out of user-namespace remapping. */
final class HostUserNamespaceNotShared extends HostNamespaceCheck {

    HostUserNamespaceNotShared() {
        super("5.31", "Ensure that the host's user namespaces are not shared", Severity.HIGH,
                "With '--userns host' root in the container is root on the host even when the daemon remaps user "
                        + "namespaces.",
                "Remove '--userns host'.",
                "HostConfig.UsernsMode", context -> context.container().usernsMode());
    }
}
