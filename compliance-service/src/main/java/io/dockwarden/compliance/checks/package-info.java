/**
 * What a compliance check is: its metadata, the facts it reads and the verdict it returns. Plain Java: no framework,
 * no I/O, so that every check is a pure function tested in milliseconds.
 */
@NullMarked
package io.dockwarden.compliance.checks;

import org.jspecify.annotations.NullMarked;
