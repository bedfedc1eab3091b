package io.dockwarden.compliance.checks;

import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.host.HostSnapshot;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The facts a container check may read: the container with its image, the engine it runs on when the engine has been
 * observed already (some checks only apply on engines with AppArmor or SELinux), and the time of evaluation.
 *
 * @param container the container snapshot
 * @param host the engine's facts, absent until the inventory has published them
 * @param now when the evaluation happens
 */
public record ContainerContext(ContainerSnapshot container, @Nullable HostSnapshot host, Instant now) {

    /** Whether the engine lists a security option, such as {@code apparmor} for {@code name=apparmor}. */
    public boolean hostHasSecurityOption(String name) {
        if (host == null) {
            return false;
        }
        String prefix = "name=" + name;
        for (String option : host.securityOptions()) {
            if (option.equals(prefix) || option.startsWith(prefix + ",")) {
                return true;
            }
        }
        return false;
    }
}
