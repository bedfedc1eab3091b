/**
 * Compliance reports: the posture of every host and container with per-check verdicts, counts and scores, rendered
 * as JSON (complete), CSV (one row per finding), self-contained HTML for people and SARIF 2.1.0 for code-scanning
 * tools, archived with their SHA-256 in a hash chain that can be verified link by link.
 */
@NullMarked
package io.dockwarden.compliance.reports;

import org.jspecify.annotations.NullMarked;
