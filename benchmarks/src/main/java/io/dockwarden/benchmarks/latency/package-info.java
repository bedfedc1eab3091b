/** Detection latency: from the engine's event to the finding, against a plain subscriber of the engine's events. */
@NullMarked
package io.dockwarden.benchmarks.latency;

import org.jspecify.annotations.NullMarked;
