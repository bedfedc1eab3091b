/** Event data of the backup part of the contract. */
@NullMarked
package io.dockwarden.events.backup;

import org.jspecify.annotations.NullMarked;
