/** Evaluation cost under JMH: the check catalogue, the event codec and the in-memory path of one event. */
@NullMarked
package io.dockwarden.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
