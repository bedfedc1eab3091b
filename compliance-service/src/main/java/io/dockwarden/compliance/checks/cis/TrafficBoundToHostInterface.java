package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.PortBinding;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** 5.14: published ports listen on a specific host address, not on all of them. */
final class TrafficBoundToHostInterface extends CisContainerCheck {

    TrafficBoundToHostInterface() {
        super("5.14", "Ensure that incoming container traffic is bound to a specific host interface", 1, true,
                Severity.MEDIUM,
                "A port published on every address is reachable from every network the host is attached to, "
                        + "including those it should not serve.",
                "Publish ports on one address: '-p 10.0.0.5:8080:8080' (or '127.0.0.1:...' for local clients).",
                "Fails when a published port's HostIp is empty, 0.0.0.0 or :: (any IPv6 address). Stricter than "
                        + "docker-bench-security, which only checks 0.0.0.0 and misses IPv6.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<Evidence> evidence = new ArrayList<>();
        for (PortBinding port : context.container().ports()) {
            String ip = port.hostIp();
            if (ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]")) {
                evidence.add(Evidences.of("NetworkSettings.Ports[" + port.containerPort() + "/" + port.protocol()
                        + "].HostIp", ip, "a specific host address"));
            }
        }
        return evidence.isEmpty() ? Verdict.pass() : fail(evidence);
    }
}
