/** The backup pipeline, one named step per class: quiesce, read, transform, upload, commit, prune. */
@NullMarked
package io.dockwarden.backup.backups;

import org.jspecify.annotations.NullMarked;
