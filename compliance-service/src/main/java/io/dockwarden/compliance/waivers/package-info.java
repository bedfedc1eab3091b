/**
 * Accepted exceptions to checks: label waivers owned by the teams that run the containers, and central waivers
 * approved in a file. Every waiver is justified and expires; waived findings stay visible.
 */
@NullMarked
package io.dockwarden.compliance.waivers;

import org.jspecify.annotations.NullMarked;
