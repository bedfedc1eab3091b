/** The Docker engine adapter: helper containers, archive streams, quiesce actions and the engine's health. */
@NullMarked
package io.dockwarden.backup.docker;

import org.jspecify.annotations.NullMarked;
