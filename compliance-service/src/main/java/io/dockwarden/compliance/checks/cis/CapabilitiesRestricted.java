package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** 5.4: no capabilities beyond Docker's default set are added. */
final class CapabilitiesRestricted extends CisContainerCheck {

    /** Docker's default capability set: adding these changes nothing. */
    static final Set<String> DOCKER_DEFAULTS = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
            "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    /** Capabilities that break container isolation on their own. */
    static final Set<String> DANGEROUS = Set.of("SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "DAC_READ_SEARCH",
            "NET_ADMIN", "BPF");

    CapabilitiesRestricted() {
        super("5.4", "Ensure that Linux kernel capabilities are restricted within containers", 1, true,
                Severity.MEDIUM,
                "Every added capability widens what a compromised process can do to the kernel and the host; "
                        + "some (SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH, NET_ADMIN, BPF) are enough to "
                        + "escape the container.",
                "Remove '--cap-add' flags the workload does not need; prefer '--cap-drop ALL' and add back only "
                        + "what is required.",
                "Fails when HostConfig.CapAdd holds anything beyond Docker's default set (AUDIT_WRITE CHOWN "
                        + "DAC_OVERRIDE FOWNER FSETID KILL MKNOD NET_BIND_SERVICE NET_RAW SETFCAP SETGID SETPCAP "
                        + "SETUID SYS_CHROOT), compared case-insensitively with or without the CAP_ prefix. ALL "
                        + "is critical; SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH, NET_ADMIN and BPF are "
                        + "high. Stricter than docker-bench-security, which only warns without telling these "
                        + "apart.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<String> added = context.container().capAdd();
        List<String> beyondDefaults = new ArrayList<>();
        Severity severity = Severity.MEDIUM;
        for (String capability : added) {
            String name = normalise(capability);
            if (DOCKER_DEFAULTS.contains(name)) {
                continue;
            }
            beyondDefaults.add(capability);
            if (name.equals("ALL")) {
                severity = Severity.CRITICAL;
            } else if (DANGEROUS.contains(name) && severity != Severity.CRITICAL) {
                severity = Severity.HIGH;
            }
        }
        if (beyondDefaults.isEmpty()) {
            return Verdict.pass();
        }
        return Verdict.fail(severity, Evidences.of("HostConfig.CapAdd", beyondDefaults,
                "only capabilities of Docker's default set"));
    }

    static String normalise(String capability) {
        String name = capability.strip().toUpperCase(Locale.ROOT);
        return name.startsWith("CAP_") ? name.substring(4) : name;
    }
}
