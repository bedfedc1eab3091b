/** The stored archive: a volume's tar filtered by exclude globs, its per-entry listing, and the streams that carry it. */
@NullMarked
package io.dockwarden.backup.archive;

import org.jspecify.annotations.NullMarked;
