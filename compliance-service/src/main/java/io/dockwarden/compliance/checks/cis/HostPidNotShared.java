package io.dockwarden.compliance.checks.cis;

import io.dockwarden.events.finding.Severity;

/** 5.16: the container has its own process namespace. */
final class HostPidNotShared extends HostNamespaceCheck {

    HostPidNotShared() {
        super("5.16", "Ensure that the host's process namespace is not shared", Severity.HIGH,
                "In the host's PID namespace a container sees every host process and, with enough privileges, can "
                        + "signal or trace them.",
                "Remove '--pid host'.",
                "HostConfig.PidMode", context -> context.container().pidMode());
    }
}
