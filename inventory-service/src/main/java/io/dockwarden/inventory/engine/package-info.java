/** The Docker engine, reached with docker-java: reading it as snapshots, following its event stream, reconnecting. */
@NullMarked
package io.dockwarden.inventory.engine;

import org.jspecify.annotations.NullMarked;
