package io.dockwarden.compliance.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The last verdict of one check; a failure's details live in the finding.
 *
 * @param outcome pass, fail or not applicable
 * @param note why a check did not apply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(Outcome outcome, @Nullable String note) {

    public static final CheckResult PASS = new CheckResult(Outcome.PASS, null);
    public static final CheckResult FAIL = new CheckResult(Outcome.FAIL, null);
}
