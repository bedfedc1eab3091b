/** What each service costs to run: start time to healthy, memory after start and under load. */
@NullMarked
package io.dockwarden.benchmarks.footprint;

import org.jspecify.annotations.NullMarked;
