package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.host.HostSnapshot;

/** 2.6: the engine does not use the aufs storage driver. */
final class AufsNotUsed extends CisHostCheck {

    AufsNotUsed() {
        super("2.6", "Ensure aufs storage driver is not used", 1, true, Severity.MEDIUM,
                "aufs is unmaintained, not in upstream kernels and known to cause kernel crashes.",
                "Move the engine to overlay2 (\"storage-driver\": \"overlay2\"), after exporting what must be kept.",
                "Fails when Driver is aufs. (v1.8.0 renumbers this 2.7 and targets devicemapper.)");
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        return "aufs".equals(host.storageDriver())
                ? fail(Evidences.of("Driver", host.storageDriver(), "overlay2 or another maintained driver"))
                : Verdict.pass();
    }
}
