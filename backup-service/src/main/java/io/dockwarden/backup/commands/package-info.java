/** Consumes backup, restore and verification commands, runs them once each, and publishes their outcome events. */
@NullMarked
package io.dockwarden.backup.commands;

import org.jspecify.annotations.NullMarked;
