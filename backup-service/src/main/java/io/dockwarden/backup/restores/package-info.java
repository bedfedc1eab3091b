/** Restoring a backup into a volume: manifest, authenticate every chunk, prepare the target, write. */
@NullMarked
package io.dockwarden.backup.restores;

import org.jspecify.annotations.NullMarked;
