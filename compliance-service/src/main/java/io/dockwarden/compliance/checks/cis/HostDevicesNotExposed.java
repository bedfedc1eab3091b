package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.Device;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** 5.18 (manual): host devices mapped into the container are listed for review. */
final class HostDevicesNotExposed extends CisContainerCheck {

    HostDevicesNotExposed() {
        super("5.18", "Ensure that host devices are not directly exposed to containers", 1, false, Severity.INFO,
                "A host device in a container lets it bypass the kernel's file permissions on that device, such as "
                        + "reading a raw disk.",
                "Remove '--device' flags the workload does not need; grant the narrowest permissions ('r' rather "
                        + "than 'rwm').",
                "Manual in the benchmark: whether a device is needed cannot be decided from the API. Reports every "
                        + "device in HostConfig.Devices as an informational, unscored finding.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<String> devices = new ArrayList<>();
        for (Device device : context.container().devices()) {
            devices.add(device.pathOnHost() + ":" + device.pathInContainer() + ":" + device.cgroupPermissions());
        }
        return devices.isEmpty() ? Verdict.pass()
                : fail(Evidences.of("HostConfig.Devices", devices, "no host devices, or only reviewed ones"));
    }
}
