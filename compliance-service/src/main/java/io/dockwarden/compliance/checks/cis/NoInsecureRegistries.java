package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.events.host.HostSnapshot.RegistryIndex;
import java.util.ArrayList;
import java.util.List;

/** 2.5: the engine talks TLS to every registry. */
final class NoInsecureRegistries extends CisHostCheck {

    static final String LOOPBACK = "127.0.0.0/8";

    NoInsecureRegistries() {
        super("2.5", "Ensure insecure registries are not used", 1, true, Severity.HIGH,
                "An insecure registry is reached without TLS verification, so anyone on the path can swap the "
                        + "images the engine pulls.",
                "Remove '--insecure-registry' flags (\"insecure-registries\" in daemon.json) and give the registry "
                        + "a trusted certificate.",
                "Fails when RegistryConfig.InsecureRegistryCIDRs holds anything beyond 127.0.0.0/8, or when a "
                        + "registry in RegistryConfig.IndexConfigs is not secure.");
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        List<Evidence> evidence = new ArrayList<>();
        List<String> cidrs = host.insecureRegistryCidrs().stream().filter(cidr -> !cidr.equals(LOOPBACK)).toList();
        if (!cidrs.isEmpty()) {
            evidence.add(Evidences.of("RegistryConfig.InsecureRegistryCIDRs", cidrs, "only " + LOOPBACK));
        }
        for (RegistryIndex index : host.registryIndexes()) {
            if (!index.secure()) {
                evidence.add(Evidences.of("RegistryConfig.IndexConfigs[" + index.name() + "].Secure", false, "true"));
            }
        }
        return evidence.isEmpty() ? Verdict.pass() : Verdict.fail(info().severity(), evidence);
    }
}
