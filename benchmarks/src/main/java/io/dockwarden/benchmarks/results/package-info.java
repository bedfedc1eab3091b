/** Measured figures, their baselines and goals, and how they are written: JSON for tools, Markdown for people. */
@NullMarked
package io.dockwarden.benchmarks.results;

import org.jspecify.annotations.NullMarked;
