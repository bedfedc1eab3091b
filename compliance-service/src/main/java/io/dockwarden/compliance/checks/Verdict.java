package io.dockwarden.compliance.checks;

import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.util.List;

/** What a check decided: pass, fail with the facts that decided it, or not applicable with why. */
public sealed interface Verdict permits Verdict.Pass, Verdict.Fail, Verdict.NotApplicable {

    Pass PASS = new Pass();

    static Verdict pass() {
        return PASS;
    }

    static Fail fail(Severity severity, List<Evidence> evidence) {
        return new Fail(severity, evidence);
    }

    static Fail fail(Severity severity, Evidence... evidence) {
        return new Fail(severity, List.of(evidence));
    }

    static NotApplicable notApplicable(String why) {
        return new NotApplicable(why);
    }

    /** The check holds. */
    record Pass() implements Verdict {
    }

    /**
     * The check does not hold.
     *
     * @param severity the check's severity, or a higher one when the facts warrant it (such as {@code CAP_SYS_ADMIN})
     * @param evidence the fields and values that decided it; never empty
     */
    record Fail(Severity severity, List<Evidence> evidence) implements Verdict {

        public Fail {
            evidence = List.copyOf(evidence);
            if (evidence.isEmpty()) {
                throw new IllegalArgumentException("a failure needs evidence");
            }
        }
    }

    /**
     * The check does not apply to this container or engine.
     *
     * @param why the reason, such as "the engine does not run with SELinux"
     */
    record NotApplicable(String why) implements Verdict {
    }
}
