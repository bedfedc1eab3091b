/**
 * The CIS Docker Benchmark v1.6.0 checks decidable from the Engine API: one small class per check, each with its
 * metadata and one pure {@code evaluate}. Where docker-bench-security is looser than the benchmark, the check follows
 * the benchmark and says so in its description.
 */
@NullMarked
package io.dockwarden.compliance.checks.cis;

import org.jspecify.annotations.NullMarked;
