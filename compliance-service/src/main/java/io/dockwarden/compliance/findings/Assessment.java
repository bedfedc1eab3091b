package io.dockwarden.compliance.findings;

import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Waiver;
import org.jspecify.annotations.Nullable;

/**
 * One check's verdict on one subject, with the waiver covering it if it failed.
 *
 * @param check the check
 * @param verdict what it decided
 * @param waiver the waiver in force for a failure
 */
public record Assessment(CheckInfo check, Verdict verdict, @Nullable Waiver waiver) {
}
