package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.container.ContainerSnapshot.RestartPolicy;
import io.dockwarden.events.finding.Severity;

/** 5.15: the restart policy is on-failure with at most 5 retries (or no restarts). */
final class RestartPolicyLimited extends CisContainerCheck {

    static final int MAX_RETRIES = 5;

    RestartPolicyLimited() {
        super("5.15", "Ensure that the 'on-failure' container restart policy is set to '5'", 1, true, Severity.LOW,
                "Restarting a failing container without end hides the failure and can turn a crash into a denial "
                        + "of service of the host.",
                "Use '--restart on-failure:5' (or fewer retries), not 'always' or 'unless-stopped'.",
                "Fails when RestartPolicy.Name is 'always' or 'unless-stopped', or 'on-failure' with "
                        + "MaximumRetryCount above 5 or 0 (0 means unlimited). Stricter than "
                        + "docker-bench-security, which reads only MaximumRetryCount and so passes 'always'.");
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        RestartPolicy policy = context.container().restartPolicy();
        String name = policy.name();
        if (name.equals("always") || name.equals("unless-stopped")) {
            return fail(Evidences.of("HostConfig.RestartPolicy.Name", name, "on-failure (at most 5) or no"));
        }
        if (name.equals("on-failure")) {
            int retries = policy.maximumRetryCount();
            if (retries <= 0 || retries > MAX_RETRIES) {
                return fail(Evidences.of("HostConfig.RestartPolicy.MaximumRetryCount",
                        retries <= 0 ? retries + " (unlimited)" : String.valueOf(retries), "1 to 5"));
            }
        }
        return Verdict.pass();
    }
}
