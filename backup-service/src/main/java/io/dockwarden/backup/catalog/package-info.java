/** What a stored backup is: its id, manifest, object keys, and the catalogue of backups of a volume. */
@NullMarked
package io.dockwarden.backup.catalog;

import org.jspecify.annotations.NullMarked;
