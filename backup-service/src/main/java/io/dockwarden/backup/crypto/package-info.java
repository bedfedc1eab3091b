/** Authenticated encryption of stored objects in chunks (AES-256-GCM), so that tampering, truncation and reordering are found before anything is restored. */
@NullMarked
package io.dockwarden.backup.crypto;

import org.jspecify.annotations.NullMarked;
