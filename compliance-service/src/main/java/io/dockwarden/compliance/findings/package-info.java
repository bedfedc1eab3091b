/**
 * The finding lifecycle: verdicts of the checks become findings that open, get waived and resolve, one per host,
 * container and check, with stable ids; an unchanged verdict emits nothing. Plain Java behind two ports (the state
 * kept per container and host, and the sink for finding events), so that the lifecycle is tested in milliseconds.
 */
@NullMarked
package io.dockwarden.compliance.findings;

import org.jspecify.annotations.NullMarked;
