/** Backup policies read from labels, and grandfather-father-son retention. */
@NullMarked
package io.dockwarden.backup.policy;

import org.jspecify.annotations.NullMarked;
