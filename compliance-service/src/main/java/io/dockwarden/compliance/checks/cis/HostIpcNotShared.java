package io.dockwarden.compliance.checks.cis;

import io.dockwarden.events.finding.Severity;

/** 5.17: the container has its own IPC namespace. */
final class HostIpcNotShared extends HostNamespaceCheck {

    HostIpcNotShared() {
        super("5.17", "Ensure that the host's IPC namespace is not shared", Severity.HIGH,
                "Sharing the host's IPC namespace exposes its shared memory segments, semaphores and message "
                        + "queues to the container.",
                "Remove '--ipc host'.",
                "HostConfig.IpcMode", context -> context.container().ipcMode());
    }
}
