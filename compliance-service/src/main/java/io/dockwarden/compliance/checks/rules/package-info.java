/**
 * Custom rules as data: operators write checks in YAML as conditions over snapshot fields (path plus eq, ne, in,
 * contains, matches, gt, ge, lt, le or exists, combined with all, any and not). Paths are resolved against the
 * snapshot records once, at load time, and regular expressions compiled once: evaluating a rule is a walk over
 * prepared accessors. Nothing in a rule can run code.
 */
@NullMarked
package io.dockwarden.compliance.checks.rules;

import org.jspecify.annotations.NullMarked;
