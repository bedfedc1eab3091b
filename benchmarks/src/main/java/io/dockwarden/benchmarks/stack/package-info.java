/** The real parts a benchmark runs against, and how the services' cost is read: start time, memory, progress. */
@NullMarked
package io.dockwarden.benchmarks.stack;

import org.jspecify.annotations.NullMarked;
