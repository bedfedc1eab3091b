package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** 5.6: no sensitive host directory is bind-mounted, read-only or not. */
final class NoSensitiveHostDirectories extends CisContainerCheck {

    static final List<String> SENSITIVE = List.of("/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr");

    NoSensitiveHostDirectories() {
        super("5.6", "Ensure sensitive host system directories are not mounted on containers", 1, true,
                Severity.HIGH,
                "Host system directories let a container read credentials and configuration of the host, and "
                        + "when writable change how the host boots and runs.",
                "Do not bind-mount /, /boot, /dev, /etc, /lib, /proc, /sys, /usr or anything below them; copy the "
                        + "files the workload needs into the image or a volume instead.",
                "Fails when a bind mount's Source is /, or is /boot, /dev, /etc, /lib, /proc, /sys, /usr or a path "
                        + "below them (after resolving '.' and '..'), whatever its mode; mounting / is critical. "
                        + "Stricter than docker-bench-security, which only flags the exact directories mounted "
                        + "read-write, so it misses '-v /etc/ssl:/certs:ro' and '-v /etc:/host-etc:ro'.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<Evidence> evidence = new ArrayList<>();
        Severity severity = Severity.HIGH;
        List<Mount> mounts = context.container().mounts();
        for (int i = 0; i < mounts.size(); i++) {
            Mount mount = mounts.get(i);
            if (!"bind".equals(mount.type())) {
                continue;
            }
            String source = normalise(mount.source());
            if (source.equals("/")) {
                severity = Severity.CRITICAL;
                evidence.add(evidence(i, mount));
                continue;
            }
            for (String sensitive : SENSITIVE) {
                if (source.equals(sensitive) || source.startsWith(sensitive + "/")) {
                    evidence.add(evidence(i, mount));
                    break;
                }
            }
        }
        return evidence.isEmpty() ? Verdict.pass() : Verdict.fail(severity, evidence);
    }

    private static Evidence evidence(int index, Mount mount) {
        return Evidences.of("Mounts[" + index + "].Source", mount.source() + " -> " + mount.destination()
                + (mount.rw() ? " (rw)" : " (ro)"), "no host system directory");
    }

    /** Resolves '.', '..' and repeated slashes, as the engine would before mounting. */
    static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
