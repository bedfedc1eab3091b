/** Proving a backup good: restore it into a scratch volume and compare what arrives with the listing recorded at backup time. */
@NullMarked
package io.dockwarden.backup.verification;

import org.jspecify.annotations.NullMarked;
