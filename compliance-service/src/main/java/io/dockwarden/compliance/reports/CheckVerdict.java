package io.dockwarden.compliance.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.finding.Waiver;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One check's verdict on one container or engine, as a report shows it.
 *
 * @param checkId the check
 * @param status pass, fail, waived or not-applicable
 * @param severity the failure's severity, for fail and waived
 * @param findingId the finding, for fail and waived
 * @param evidence the facts that decided a failure
 * @param waiver the waiver in force, for waived
 * @param note why the check did not apply
 * @param since when the failure was first observed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckVerdict(String checkId, String status, @Nullable Severity severity, @Nullable String findingId,
        @Nullable List<Evidence> evidence, @Nullable Waiver waiver, @Nullable String note, @Nullable Instant since) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String WAIVED = "waived";
    public static final String NOT_APPLICABLE = "not-applicable";
}
