/** Event data of the report part of the contract. */
@NullMarked
package io.dockwarden.events.report;

import org.jspecify.annotations.NullMarked;
