/** Event data of the finding part of the contract. */
@NullMarked
package io.dockwarden.events.finding;

import org.jspecify.annotations.NullMarked;
