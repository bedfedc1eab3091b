/**
 * The checks and waivers in force: built-in checks, custom rule files and the central waiver file, watched and
 * reloaded; a rejected file leaves the last good set in force and is reported in health, logs and metrics.
 */
@NullMarked
package io.dockwarden.compliance.policy;

import org.jspecify.annotations.NullMarked;
