package io.dockwarden.compliance.checks.rules;

import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a custom rule decides: not applicable unless {@code appliesWhen} holds, pass when {@code require} holds, fail
 * with the comparisons that did not hold otherwise.
 *
 * @param appliesWhen the condition for the rule to apply, absent when it always applies
 * @param require the condition a compliant snapshot satisfies
 * @param severity the severity of a failure
 */
record RuleLogic(@Nullable Condition appliesWhen, Condition require, Severity severity) {

    Verdict evaluate(Object snapshot) {
        if (appliesWhen != null && !appliesWhen.test(snapshot)) {
            List<Evidence> why = new ArrayList<>();
            appliesWhen.explain(snapshot, true, why);
            return Verdict.notApplicable("applies-when not met: " + describe(why));
        }
        if (require.test(snapshot)) {
            return Verdict.pass();
        }
        List<Evidence> evidence = new ArrayList<>();
        require.explain(snapshot, true, evidence);
        return Verdict.fail(severity, evidence);
    }

    private static String describe(List<Evidence> evidence) {
        List<String> parts = new ArrayList<>();
        for (Evidence item : evidence) {
            parts.add(item.field() + " is " + item.actual() + ", wanted " + item.expected());
        }
        return String.join("; ", parts);
    }
}
