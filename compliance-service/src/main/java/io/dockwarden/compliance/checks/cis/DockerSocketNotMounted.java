package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** 5.32: the engine's socket is not reachable from the container. */
final class DockerSocketNotMounted extends CisContainerCheck {

    DockerSocketNotMounted() {
        super("5.32", "Ensure that the Docker socket is not mounted inside any containers", 1, true,
                Severity.CRITICAL,
                "Whoever can talk to the Docker socket can start a privileged container and so owns the host.",
                "Remove the docker.sock mount; if a tool needs the API, give it a filtering proxy with read-only "
                        + "access to the endpoints it uses.",
                "Fails when a mount's Source or Destination ends in docker.sock, or a bind mount's Source is "
                        + "/run or /var/run, which hold the socket. Stricter than docker-bench-security, which only "
                        + "looks for docker.sock in the mount list.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<Mount> mounts = context.container().mounts();
        for (int i = 0; i < mounts.size(); i++) {
            Mount mount = mounts.get(i);
            String source = NoSensitiveHostDirectories.normalise(mount.source());
            boolean socket = mount.source().endsWith("docker.sock") || mount.destination().endsWith("docker.sock");
            boolean runDirectory = "bind".equals(mount.type())
                    && (source.equals("/run") || source.equals("/var/run"));
            if (socket || runDirectory) {
                evidence.add(Evidences.of("Mounts[" + i + "]", mount.source() + " -> " + mount.destination(),
                        "no Docker socket"));
            }
        }
        return evidence.isEmpty() ? Verdict.pass() : fail(evidence);
    }
}
