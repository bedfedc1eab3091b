package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import java.util.function.Function;

/** The common shape of 5.10, 5.16, 5.17, 5.21 and 5.31: a namespace mode must not be {@code host}. */
abstract class HostNamespaceCheck extends CisContainerCheck {

    private final String field;
    private final Function<ContainerContext, String> mode;

    HostNamespaceCheck(String id, String title, Severity severity, String rationale, String remediation,
            String field, Function<ContainerContext, String> mode) {
        super(id, title, 1, true, severity, rationale, remediation, "Fails when " + field + " is 'host'.");
        this.field = field;
        this.mode = mode;
    }

    @Override
    public final Verdict evaluate(ContainerContext context) {
        String value = mode.apply(context);
        return "host".equals(value) ? fail(Evidences.of(field, value, "not host")) : Verdict.pass();
    }
}
