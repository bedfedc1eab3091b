package io.dockwarden.compliance.checks.cis;

import io.dockwarden.events.finding.Severity;

/** 5.10: the container has its own network namespace. */
final class HostNetworkNotShared extends HostNamespaceCheck {

    HostNetworkNotShared() {
        super("5.10", "Ensure that the host's network namespace is not shared", Severity.HIGH,
                "In the host's network namespace a container can bind any host port, see all host traffic and "
                        + "reach services listening on the host's loopback.",
                "Run the container on a bridge or user-defined network instead of '--network host'.",
                "HostConfig.NetworkMode", context -> context.container().networkMode());
    }
}
