/** REST endpoints for people and tools: request backups, restores and verifications, and read the catalogue. */
@NullMarked
package io.dockwarden.backup.api;

import org.jspecify.annotations.NullMarked;
