package io.dockwarden.compliance.checks;

import java.util.Set;

/**
 * What operators declare about their platform that the Engine API cannot show, so that checks do not report false
 * positives for it.
 *
 * @param daemonNoNewPrivileges the daemon runs with {@code no-new-privileges} by default (5.26 then passes containers
 *     that do not set it themselves, but still fails those that set {@code no-new-privileges:false})
 * @param allowedCgroupParents cgroup parents that are confirmed (5.25)
 * @param remoteLoggingDeclared logs of {@code json-file}/{@code local} engines are shipped to a central system by
 *     other means (2.13)
 * @param declaredSeccompProfiles custom daemon-wide seccomp profiles accepted besides {@code default} (2.17)
 * @param secretEnvNameAllowList environment variable names that look like secrets but are not (4.10)
 * @param disabledChecks ids of checks not evaluated at all; their findings resolve as {@code check-removed}
 */
public record CheckSettings(boolean daemonNoNewPrivileges, Set<String> allowedCgroupParents,
        boolean remoteLoggingDeclared, Set<String> declaredSeccompProfiles, Set<String> secretEnvNameAllowList,
        Set<String> disabledChecks) {

    public CheckSettings {
        allowedCgroupParents = Set.copyOf(allowedCgroupParents);
        declaredSeccompProfiles = Set.copyOf(declaredSeccompProfiles);
        secretEnvNameAllowList = Set.copyOf(secretEnvNameAllowList);
        disabledChecks = Set.copyOf(disabledChecks);
    }

    /** Nothing declared: every check as the benchmark states it. */
    public static CheckSettings defaults() {
        return new CheckSettings(false, Set.of(), false, Set.of(), Set.of("GPG_KEY", "GPG_KEYS"), Set.of());
    }
}
